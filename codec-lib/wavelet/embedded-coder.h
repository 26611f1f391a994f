// Embedded (bit-plane) coding of the wavelet coefficients of a chunk: every plane of every
// subband of every picture in one order, so that the stream can be cut anywhere between two
// coding units and what precedes the cut decodes.
#ifndef LVC_WAVELET_EMBEDDED_CODER_H
#define LVC_WAVELET_EMBEDDED_CODER_H

#include "entropy/adaptive-bit-model.h"
#include "wavelet/cdf97.h"
#include "wavelet/context-mixer.h"
#include "wavelet/float-plane.h"
#include "wavelet/symbol-coder.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lvc
{

/**
 * How significance bits are modelled: kAdaptive, one adaptive model picked by a context of
 * node size, neighbours' and parent's significance (the shipped coder); kMixing, that model and
 * two more (neighbours' magnitudes, the parent's magnitude or parent band's nodes) combined by a
 * logistic mixer whose weights learn online (a learned context model; measured in
 * codec-lib/README.md, "Context models").
 */
enum class ContextModel : std::uint8_t
{
    kAdaptive = 0,
    kMixing = 1,
};

/// One transformed picture plane the coder codes.
struct CodedImageSpec
{
    int width = 0;
    int height = 0;
    int levels = 0;
    bool chroma = false;
    bool intra = false;  ///< a picture (key frame) rather than a prediction residual
    float weight = 1.0F; ///< scales every band: the square root of the plane's distortion weight
};

/**
 * \brief The bit-plane coder (an EZBC-like set-partitioning coder with context modelling).
 *
 * Coefficients are scaled per band by weight x synthesis gain (so that a unit of error weighs
 * alike in every band and picture: a common threshold is then close to rate-distortion optimal)
 * and quantised with a dead zone: q = floor(|c| x scale / step). A coding unit is one bit plane
 * of one band. Units run plane by plane from the top plane down; within a plane, bands from the
 * coarsest to the finest (LL first), and within a depth, picture by picture in the order given.
 * A unit codes (1) the significance of quadtree nodes over the band, from the whole band down to
 * single coefficients, each node's bit in a context of its size, its neighbours' and its parent
 * band's significance, then the sign of each newly significant coefficient; (2) the next bit of
 * every coefficient significant before the unit. Every model adapts, and its state carries from
 * one unit (and layer) to the next.
 */
class EmbeddedCoder
{
  public:
    static constexpr int kMaxTopPlane = 30;

    EmbeddedCoder(const std::vector<CodedImageSpec>& images,
                  float step,
                  ContextModel model = ContextModel::kAdaptive);

    std::size_t BandCount() const;
    /// Units of the whole stream: (top plane + 1) x bands.
    std::size_t UnitCount() const;
    int TopPlane() const;
    /// The decoder's: the chunk header's top plane (0..kMaxTopPlane).
    void SetTopPlane(int plane);

    /// The encoder's: quantises the coefficients (one plane per image spec) and sets the top
    /// plane.
    void Quantise(const std::vector<FloatPlane>& coefficients);

    /// Codes unit `unit` (units must be coded in order) through `io`.
    void CodeUnit(std::size_t unit, SymbolCoder& io);
    std::size_t UnitsCoded() const;
    /// The bit plane of the last unit coded (TopPlane() + 1 when none is).
    int LastCodedPlane() const;

    /// The coefficients as a decoder holding the units coded so far reconstructs them.
    std::vector<FloatPlane> Dequantise() const;

  private:
    struct Band
    {
        int image = 0;
        Subband band;
        float scale = 1.0F;
        int parent = -1; ///< the band of the next coarser level, same orientation and image
        int context = 0; ///< band class x chroma x intra
        std::vector<std::uint32_t> q;
        std::vector<std::uint8_t> negative;
        std::vector<int> level_width;
        std::vector<int> level_height;
        std::vector<std::vector<std::uint8_t>> significant_node; ///< per quadtree level
        std::vector<std::vector<std::uint32_t>> node_max;        ///< encoder: max q per node
        std::vector<std::uint32_t> significant;                  ///< coefficient indices
        int coded_plane = -1; ///< lowest plane coded so far (-1: none)
    };

    struct Models
    {
        static constexpr int kContexts = 12; ///< band class (3) x chroma (2) x intra (2)
        std::array<std::array<AdaptiveBitModel, 36>, kContexts> leaf;
        std::array<std::array<AdaptiveBitModel, 36>, kContexts> node;
        /// Second and third opinions on significance, mixed with the first (LogisticMixer):
        /// leaves by the neighbours' known magnitudes and by the parent's magnitude; nodes by
        /// the 8-neighbourhood's significance and by the parent band's nodes.
        std::array<std::array<AdaptiveBitModel, 32>, kContexts> leaf_magnitude;
        std::array<std::array<AdaptiveBitModel, 45>, kContexts> leaf_parent;
        std::array<std::array<AdaptiveBitModel, 20>, kContexts> node_neighbourhood;
        std::array<std::array<AdaptiveBitModel, 16>, kContexts> node_parent;
        std::array<std::array<AdaptiveBitModel, 9>, kContexts> sign;
        std::array<std::array<AdaptiveBitModel, 4>, kContexts> refine;
    };

    void Visit(Band& b, int t, int x, int y, int plane, bool inferred, SymbolCoder& io);
    int ParentState(const Band& b, int t, int x, int y) const;
    /// 0: insignificant; 1..4: log2 of what a decoder knows of the magnitude, relative to
    /// `plane`, plus 1 (capped), for a coefficient of `b` whose bits above `known_from` are known.
    int MagnitudeClass(const Band& b, std::size_t index, int plane, int known_from) const;
    int ParentMagnitudeClass(const Band& b, int x, int y, int plane) const;
    int ParentNodeState(const Band& b, int t, int x, int y) const;

    std::vector<CodedImageSpec> m_images;
    float m_step;
    ContextModel m_context_model;
    std::vector<Band> m_bands;
    std::vector<int> m_order; ///< bands in unit order within a plane
    int m_top_plane = 0;
    std::size_t m_units_coded = 0;
    Models m_models;
    LogisticMixer m_mixer;
};

} // namespace lvc

#endif // LVC_WAVELET_EMBEDDED_CODER_H
