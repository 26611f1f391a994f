#include "restore/restorer.h"

#include "nn/compute-threads.h"
#include "nn/frame-tensor.h"
#include "restore/restoration-net.h"
#include "weights/safetensors.h"

#include "ns3/input-error.h"

#include <stdexcept>

namespace lvc
{

namespace
{

constexpr std::size_t kBatch = 4; ///< frames per forward pass
} // namespace

struct NetworkRestorer::Impl
{
    std::string path;
    std::string sha256;
    RestorationNet net{nullptr};
};

NetworkRestorer::NetworkRestorer(const std::string& weights_path, int threads)
    : m_impl(std::make_unique<Impl>())
{
    SetComputeThreads(threads);
    const std::vector<std::uint8_t> bytes = ReadFileBytes(weights_path);
    m_impl->path = weights_path;
    m_impl->sha256 = Sha256Hex(bytes.data(), bytes.size());
    m_impl->net =
        LoadRestorationNet(SafetensorsFile::Parse(bytes.data(), bytes.size(), weights_path),
                           weights_path);
}

NetworkRestorer::~NetworkRestorer() = default;

int
NetworkRestorer::ExitCount() const
{
    return m_impl->net->Config().ExitCount();
}

std::vector<Frame>
NetworkRestorer::Restore(const std::vector<Frame>& frames,
                         const std::vector<float>& noise_hints,
                         int exit)
{
    if (exit < 2 || exit > ExitCount() || noise_hints.size() != frames.size())
    {
        throw std::invalid_argument("restoration: exit out of range or one hint per frame missing");
    }
    torch::NoGradGuard no_grad;
    std::vector<Frame> out;
    for (std::size_t start = 0; start < frames.size(); start += kBatch)
    {
        const std::size_t end = std::min(frames.size(), start + kBatch);
        const std::vector<Frame> batch(frames.begin() + static_cast<std::ptrdiff_t>(start),
                                       frames.begin() + static_cast<std::ptrdiff_t>(end));
        const torch::Tensor pictures = FramesToTensor(batch);
        torch::Tensor hints =
            torch::empty({pictures.size(0), 1, pictures.size(2), pictures.size(3)});
        for (std::size_t i = 0; i < batch.size(); ++i)
        {
            hints[static_cast<std::int64_t>(i)].fill_(HintPlaneValue(noise_hints[start + i]));
        }
        const torch::Tensor restored =
            m_impl->net->forward(torch::cat({pictures, hints}, 1), exit).back();
        for (std::size_t i = 0; i < batch.size(); ++i)
        {
            out.push_back(TensorToFrame(restored[static_cast<std::int64_t>(i)],
                                        batch[i].Width(),
                                        batch[i].Height()));
        }
    }
    return out;
}

std::string
NetworkRestorer::WeightsSha256() const
{
    return m_impl->sha256;
}

std::string
NetworkRestorer::WeightsPath() const
{
    return m_impl->path;
}

} // namespace lvc
