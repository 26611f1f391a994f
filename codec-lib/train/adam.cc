#include "train/adam.h"

#include "ns3/input-error.h"

#include <cmath>
#include <torch/torch.h>

namespace lvc
{

namespace
{
constexpr double kBeta1 = 0.9;
constexpr double kBeta2 = 0.999;
constexpr double kEpsilon = 1e-8;
} // namespace

Adam::Adam(std::vector<torch::Tensor> parameters, std::vector<std::string> names)
    : m_parameters(std::move(parameters)),
      m_names(std::move(names))
{
    for (const torch::Tensor& p : m_parameters)
    {
        m_first.push_back(torch::zeros_like(p));
        m_second.push_back(torch::zeros_like(p));
    }
}

void
Adam::ZeroGrad()
{
    for (torch::Tensor& p : m_parameters)
    {
        if (p.grad().defined())
        {
            p.mutable_grad().zero_();
        }
    }
}

void
Adam::Step(double lr)
{
    torch::NoGradGuard no_grad;
    ++m_steps;
    double correction1 = 1 - std::pow(kBeta1, static_cast<double>(m_steps));
    double correction2 = 1 - std::pow(kBeta2, static_cast<double>(m_steps));
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
    {
        const torch::Tensor& g = m_parameters[i].grad();
        if (!g.defined())
        {
            continue;
        }
        m_first[i].mul_(kBeta1).add_(g, 1 - kBeta1);
        m_second[i].mul_(kBeta2).addcmul_(g, g, 1 - kBeta2);
        torch::Tensor denominator = (m_second[i] / correction2).sqrt_().add_(kEpsilon);
        m_parameters[i].addcdiv_(m_first[i], denominator, -lr / correction1);
    }
}

std::int64_t
Adam::Steps() const
{
    return m_steps;
}

void
Adam::Save(SafetensorsFile& file) const
{
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
    {
        for (int which = 0; which < 2; ++which)
        {
            torch::Tensor t = (which == 0 ? m_first[i] : m_second[i])
                                  .detach()
                                  .to(torch::kCPU, torch::kFloat32)
                                  .contiguous();
            std::vector<std::int64_t> shape(t.sizes().begin(), t.sizes().end());
            file.tensors[std::string(which == 0 ? "adam.m." : "adam.v.") + m_names[i]] =
                SafeTensor::FromFloat(shape, t.data_ptr<float>());
        }
    }
    file.metadata["adam_steps"] = std::to_string(m_steps);
}

void
Adam::Load(const SafetensorsFile& file, const std::string& file_name)
{
    torch::NoGradGuard no_grad;
    for (std::size_t i = 0; i < m_parameters.size(); ++i)
    {
        for (int which = 0; which < 2; ++which)
        {
            std::string name = std::string(which == 0 ? "adam.m." : "adam.v.") + m_names[i];
            auto found = file.tensors.find(name);
            torch::Tensor& target = which == 0 ? m_first[i] : m_second[i];
            if (found == file.tensors.end() || found->second.ElementCount() != target.numel())
            {
                throw ns3::InputError::AtField(file_name, name, "missing or of another size");
            }
            std::vector<float> values = found->second.ToFloat();
            target.copy_(torch::from_blob(values.data(), target.sizes(), torch::kFloat32)
                             .to(target.device()));
        }
    }
    auto steps = file.metadata.find("adam_steps");
    if (steps == file.metadata.end())
    {
        throw ns3::InputError::AtField(file_name, "__metadata__.adam_steps", "missing");
    }
    m_steps = std::stoll(steps->second);
}

} // namespace lvc
