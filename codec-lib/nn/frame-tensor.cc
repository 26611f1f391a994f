#include "nn/frame-tensor.h"

#include <cstring>
#include <stdexcept>
#include <torch/torch.h>

namespace lvc
{

namespace
{
constexpr int kCell = 16;
constexpr double kScale = 255.0;
} // namespace

int
PaddedSide(int size)
{
    return (size + kCell - 1) / kCell * kCell;
}

torch::Tensor
FrameToTensor(const Frame& frame)
{
    const int w = frame.Width();
    const int h = frame.Height();
    const int pw = PaddedSide(w);
    const int ph = PaddedSide(h);
    auto plane = [&](int p) {
        torch::Tensor t = torch::from_blob(const_cast<std::uint8_t*>(frame.Plane(p)),
                                           {1, 1, frame.PlaneHeight(p), frame.PlaneWidth(p)},
                                           torch::kUInt8)
                              .to(torch::kFloat32)
                              .div(kScale)
                              .sub(0.5);
        int sub = p == Frame::kPlaneY ? 1 : 2;
        int pad_x = (pw - w) / sub;
        int pad_y = (ph - h) / sub;
        if (pad_x > 0 || pad_y > 0)
        {
            t = torch::replication_pad2d(t, {0, pad_x, 0, pad_y});
        }
        return t;
    };
    torch::Tensor luma = torch::pixel_unshuffle(plane(Frame::kPlaneY), 2);
    return torch::cat({luma, plane(Frame::kPlaneU), plane(Frame::kPlaneV)}, 1).squeeze(0);
}

torch::Tensor
FramesToTensor(const std::vector<Frame>& frames)
{
    std::vector<torch::Tensor> parts;
    parts.reserve(frames.size());
    for (const Frame& f : frames)
    {
        parts.push_back(FrameToTensor(f));
    }
    return torch::stack(parts);
}

Frame
TensorToFrame(const torch::Tensor& picture, int width, int height)
{
    torch::Tensor t = picture.detach().to(torch::kCPU, torch::kFloat32);
    if (t.dim() == 4)
    {
        t = t.squeeze(0);
    }
    if (t.dim() != 3 || t.size(0) != 6 || t.size(1) * 2 < height || t.size(2) * 2 < width)
    {
        throw std::invalid_argument("picture tensor: not [6, H/2, W/2] for the frame size");
    }
    t = t.add(0.5).mul(kScale).round().clamp(0, 255);
    torch::Tensor luma =
        torch::pixel_shuffle(t.slice(0, 0, 4).unsqueeze(0), 2).squeeze(0).squeeze(0);
    Frame frame(width, height);
    auto copy = [&](int p, const torch::Tensor& source) {
        torch::Tensor crop = source.slice(0, 0, frame.PlaneHeight(p))
                                 .slice(1, 0, frame.PlaneWidth(p))
                                 .to(torch::kUInt8)
                                 .contiguous();
        std::memcpy(frame.Plane(p), crop.data_ptr<std::uint8_t>(), frame.PlaneSize(p));
    };
    copy(Frame::kPlaneY, luma);
    copy(Frame::kPlaneU, t[4]);
    copy(Frame::kPlaneV, t[5]);
    return frame;
}

} // namespace lvc
