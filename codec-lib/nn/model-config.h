// The neural layered codec's architecture and hyper-parameters (what a weights file names).
#ifndef LVC_NN_MODEL_CONFIG_H
#define LVC_NN_MODEL_CONFIG_H

#include <map>
#include <string>

namespace lvc
{

/**
 * \brief The hyper-parameters of the layered codec (nn/layered-model.h). They are written to the
 * weights' `__metadata__` and read back from it, so that a weights file builds its own model.
 */
struct ModelConfig
{
    static constexpr const char* kArchitecture = "lvc-residual-gru";
    static constexpr int kArchitectureVersion = 1;
    static constexpr int kDownsampling = 16; ///< pixels per code position, each way
    static constexpr int kExitCount = 3;     ///< single-shot decoder exits (at /16, /8, /4)

    int iterations = 6;      ///< K: layers (encoder/decoder iterations), >= 1
    int code_channels = 16;  ///< bits per layer per 16x16 block
    int encoder_width = 64;  ///< channels at 1/8 resolution (encoder and recurrent decoder)
    int state_width = 96;    ///< GRU state channels at 1/16 resolution
    int decoder_width = 128; ///< single-shot decoder channels at 1/16 (then /2 at each step up)

    /// Every field as text, plus the architecture's name and version.
    std::map<std::string, std::string> ToMetadata() const;
    /**
     * The config a weights file names; throws ns3::InputError naming `file` and the field when
     * the architecture is another one or a value is missing or out of range.
     */
    static ModelConfig FromMetadata(const std::map<std::string, std::string>& metadata,
                                    const std::string& file);
    /// Throws std::invalid_argument naming the field that is out of range.
    void Check() const;
};

} // namespace lvc

#endif // LVC_NN_MODEL_CONFIG_H
