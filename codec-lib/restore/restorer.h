// The restoration network behind the FrameRestorer seam: weights from a file, frames in and out.
#ifndef LVC_RESTORE_RESTORER_H
#define LVC_RESTORE_RESTORER_H

#include "wavelet/frame-restorer.h"

#include <memory>
#include <string>

namespace lvc
{

/**
 * \brief Loads a restoration network (restore/restoration-net.h) from its weights file and runs
 * it on CPU (or CUDA when present) with `threads` threads. Throws ns3::InputError naming the file
 * when it is not such a weights file.
 */
class NetworkRestorer : public FrameRestorer
{
  public:
    NetworkRestorer(const std::string& weights_path, int threads);
    ~NetworkRestorer() override;

    int ExitCount() const override;
    std::vector<Frame> Restore(const std::vector<Frame>& frames,
                               const std::vector<float>& noise_hints,
                               int exit) override;
    std::string WeightsSha256() const override;
    std::string WeightsPath() const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lvc

#endif // LVC_RESTORE_RESTORER_H
