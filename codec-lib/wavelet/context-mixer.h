// Logistic mixing of binary predictions: several context models' probabilities combined in the
// stretch (log-odds) domain by weights that learn online, per weight set.
#ifndef LVC_WAVELET_CONTEXT_MIXER_H
#define LVC_WAVELET_CONTEXT_MIXER_H

#include <array>
#include <cstdint>
#include <vector>

namespace lvc
{

/// ln(p / (1 - p)) of a 16-bit probability of a 1 (table lookup on its top 12 bits).
float Stretch(std::uint32_t p1);
/// The inverse: a 16-bit probability of a 1 in [32, 65504].
std::uint32_t Squash(float x);

/**
 * \brief p = squash(sum_i w_i x_i) over kInputs inputs (the stretched predictions of the models
 * and a constant), with one weight vector per set; after each bit the weights of the set used
 * move by rate x (bit - p) x_i (online gradient descent on the coding cost).
 */
class LogisticMixer
{
  public:
    static constexpr int kInputs = 4;
    using Weights = std::array<float, kInputs>;

    /// `sets` weight vectors, each starting at `initial`.
    LogisticMixer(int sets, const Weights& initial, float rate);

    /// The mixed probability of a 1 (16 bits); remembers set and inputs for Update.
    std::uint32_t Mix(int set, const Weights& inputs);
    void Update(int bit);

    const std::vector<Weights>& AllWeights() const
    {
        return m_weights;
    }

  private:
    std::vector<Weights> m_weights;
    float m_rate;
    int m_set = 0;
    Weights m_inputs{};
    float m_p = 0.5F;
};

} // namespace lvc

#endif // LVC_WAVELET_CONTEXT_MIXER_H
