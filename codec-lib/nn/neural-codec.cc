#include "nn/neural-codec.h"

#include "nn/compute-threads.h"
#include "nn/frame-tensor.h"
#include "nn/layered-model.h"
#include "nn/model-weights.h"
#include "weights/safetensors.h"

#include "ns3/input-error.h"

#include <stdexcept>
#include <torch/torch.h>

namespace lvc
{

namespace
{

BinaryCode
TensorToCode(const torch::Tensor& code)
{
    torch::Tensor bits = (code.squeeze(0) > 0).to(torch::kUInt8).contiguous();
    CodeShape shape{static_cast<int>(bits.size(0)),
                    static_cast<int>(bits.size(1)),
                    static_cast<int>(bits.size(2))};
    BinaryCode out{shape, std::vector<std::uint8_t>(shape.Size())};
    std::memcpy(out.bits.data(), bits.data_ptr<std::uint8_t>(), out.bits.size());
    return out;
}

torch::Tensor
CodeToTensor(const BinaryCode& code)
{
    const CodeShape& s = code.shape;
    torch::Tensor bits = torch::from_blob(const_cast<std::uint8_t*>(code.bits.data()),
                                          {1, s.channels, s.rows, s.cols},
                                          torch::kUInt8);
    return bits.to(torch::kFloat32).mul(2).sub(1);
}

} // namespace

struct NeuralCodec::Impl
{
    std::string path;
    std::string sha256;
    LayeredModel model{nullptr};
};

NeuralCodec::NeuralCodec(const std::string& weights_path, int threads)
    : m_impl(std::make_unique<Impl>())
{
    SetComputeThreads(threads);
    at::globalContext().setFlushDenormal(true);
    std::vector<std::uint8_t> bytes = ReadFileBytes(weights_path);
    m_impl->path = weights_path;
    m_impl->sha256 = Sha256Hex(bytes.data(), bytes.size());
    SafetensorsFile file = SafetensorsFile::Parse(bytes.data(), bytes.size(), weights_path);
    m_impl->model = LoadModel(file, weights_path);
}

NeuralCodec::~NeuralCodec() = default;

const ModelConfig&
NeuralCodec::Config() const
{
    return m_impl->model->Config();
}

const std::string&
NeuralCodec::WeightsPath() const
{
    return m_impl->path;
}

const std::string&
NeuralCodec::WeightsSha256() const
{
    return m_impl->sha256;
}

CodeShape
NeuralCodec::CodeShapeFor(int width, int height) const
{
    return CodeShape{Config().code_channels,
                     PaddedSide(height) / ModelConfig::kDownsampling,
                     PaddedSide(width) / ModelConfig::kDownsampling};
}

std::vector<FrameCodes>
NeuralCodec::Encode(const std::vector<Frame>& frames, int layers)
{
    std::vector<FrameCodes> out;
    for (const Frame& frame : frames)
    {
        std::vector<torch::Tensor> codes =
            m_impl->model->Encode(FrameToTensor(frame).unsqueeze(0), layers);
        FrameCodes frame_codes;
        for (const torch::Tensor& c : codes)
        {
            frame_codes.push_back(TensorToCode(c));
        }
        out.push_back(std::move(frame_codes));
    }
    return out;
}

std::vector<FrameCodes>
NeuralCodec::EncodeTargets(const std::vector<std::vector<Frame>>& targets)
{
    std::vector<FrameCodes> out;
    for (const std::vector<Frame>& picture_targets : targets)
    {
        std::vector<torch::Tensor> tensors;
        for (const Frame& target : picture_targets)
        {
            tensors.push_back(FrameToTensor(target).unsqueeze(0));
        }
        FrameCodes frame_codes;
        for (const torch::Tensor& c : m_impl->model->EncodeTargets(tensors))
        {
            frame_codes.push_back(TensorToCode(c));
        }
        out.push_back(std::move(frame_codes));
    }
    return out;
}

std::vector<Frame>
NeuralCodec::Decode(const std::vector<FrameCodes>& codes, int width, int height, int exit)
{
    if (exit < 1 || exit > ModelConfig::kExitCount)
    {
        throw std::invalid_argument("decode: exit must be 1.." +
                                    std::to_string(ModelConfig::kExitCount));
    }
    std::vector<Frame> out;
    for (const FrameCodes& frame_codes : codes)
    {
        std::vector<torch::Tensor> tensors;
        for (const BinaryCode& c : frame_codes)
        {
            tensors.push_back(CodeToTensor(c));
        }
        out.push_back(TensorToFrame(m_impl->model->Decode(tensors, exit), width, height));
    }
    return out;
}

std::vector<std::vector<std::vector<Frame>>>
NeuralCodec::DecodeAll(const std::vector<FrameCodes>& codes, int width, int height)
{
    const int k_max = codes.empty() ? Config().iterations : static_cast<int>(codes[0].size());
    if (k_max < 1 || k_max > Config().iterations)
    {
        throw std::invalid_argument("DecodeAll: 1..K codes per frame");
    }
    std::vector<std::vector<std::vector<Frame>>> out(
        k_max,
        std::vector<std::vector<Frame>>(ModelConfig::kExitCount));
    for (const FrameCodes& frame_codes : codes)
    {
        std::vector<torch::Tensor> tensors;
        for (const BinaryCode& c : frame_codes)
        {
            tensors.push_back(CodeToTensor(c));
        }
        if (static_cast<int>(tensors.size()) != k_max)
        {
            throw std::invalid_argument("DecodeAll: every frame needs as many codes");
        }
        std::vector<std::vector<torch::Tensor>> pictures =
            m_impl->model->DecodeAllPrefixes(tensors);
        for (int k = 0; k < k_max; ++k)
        {
            for (int e = 0; e < ModelConfig::kExitCount; ++e)
            {
                out[k][e].push_back(TensorToFrame(pictures[k][e], width, height));
            }
        }
    }
    return out;
}

} // namespace lvc
