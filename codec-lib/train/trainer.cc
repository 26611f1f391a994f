#include "train/trainer.h"

#include "common/stopwatch.h"
#include "nn/compute-threads.h"
#include "nn/frame-tensor.h"
#include "nn/layered-model.h"
#include "nn/model-weights.h"
#include "train/adam.h"

#include "ns3/input-error.h"

#include <cmath>
#include <fstream>
#include <iomanip>
#include <torch/torch.h>

namespace lvc
{

namespace
{

double
Psnr_db(double mse)
{
    return 10 * std::log10(1.0 / std::max(mse, 1e-10));
}

torch::Device
ChooseDevice(const std::string& name)
{
    if (name == "cpu")
    {
        return torch::kCPU;
    }
    if (name == "cuda" || (name == "auto" && torch::cuda::is_available()))
    {
        if (!torch::cuda::is_available())
        {
            throw ns3::InputError("--device: cuda asked for, but no CUDA device is available");
        }
        return torch::kCUDA;
    }
    if (name != "auto")
    {
        throw ns3::InputError("--device: auto, cpu or cuda, not '" + name + "'");
    }
    return torch::kCPU;
}

bool
FileExists(const std::string& path)
{
    return std::ifstream(path).good();
}

std::string
Number(double value)
{
    std::ostringstream out;
    out << std::setprecision(9) << value;
    return out.str();
}

} // namespace

double
LearningRateAt(const TrainOptions& options, std::int64_t step)
{
    if (!(options.lr_half_life_steps > 0) || step <= options.lr_decay_from_step)
    {
        return options.learning_rate;
    }
    double halvings =
        static_cast<double>(step - options.lr_decay_from_step) / options.lr_half_life_steps;
    return std::max(options.lr_min, options.learning_rate * std::exp2(-halvings));
}

TrainReport
Train(const TrainOptions& options, const TrainingFrames& data, std::ostream& log)
{
    options.config.Check();
    if (options.batch < 1 || options.patch_px < 16 || options.patch_px % 16 != 0)
    {
        throw ns3::InputError("--batch must be >= 1 and --patch a multiple of 16");
    }
    torch::Device device = ChooseDevice(options.device);
    SetComputeThreads(options.threads);
    // Denormal floats (tiny gradients, Adam moments) run ~100x slower on x86: flush them.
    at::globalContext().setFlushDenormal(true);
    torch::manual_seed(options.seed);
    LayeredModel model(options.config);
    model->to(device);
    std::vector<torch::Tensor> parameters;
    std::vector<std::string> names;
    for (auto& item : model->named_parameters(true))
    {
        if (options.client_only && item.key().rfind("client.", 0) != 0)
        {
            item.value().set_requires_grad(false);
            continue;
        }
        parameters.push_back(item.value());
        names.push_back(item.key());
    }
    Adam adam(parameters, names);

    TrainReport report;
    double previous_seconds = 0;
    std::int64_t step = 0;
    if (!options.checkpoint.empty() && FileExists(options.checkpoint))
    {
        SafetensorsFile checkpoint = SafetensorsFile::Load(options.checkpoint);
        ModelConfig saved = ModelConfig::FromMetadata(checkpoint.metadata, options.checkpoint);
        if (saved.ToMetadata() != options.config.ToMetadata())
        {
            throw ns3::InputError::InFile(options.checkpoint,
                                          "was trained with another architecture; resume with "
                                          "the same options or start a new checkpoint");
        }
        LoadParameters(*model, "", checkpoint, options.checkpoint);
        if (!options.reset_optimizer)
        {
            adam.Load(checkpoint, options.checkpoint);
        }
        auto steps = checkpoint.metadata.find("train_steps");
        step =
            std::stoll(steps != checkpoint.metadata.end() ? steps->second
                                                          : checkpoint.metadata.at("adam_steps"));
        previous_seconds = std::stod(checkpoint.metadata.at("train_seconds"));
        log << "resumed " << options.checkpoint << " at step " << step
            << (options.reset_optimizer ? " with a fresh optimiser" : "") << std::endl;
    }
    report.first_step = step;
    model->train();

    const Stopwatch since_start;
    Stopwatch since_checkpoint;
    auto save = [&]() {
        if (options.checkpoint.empty())
        {
            return;
        }
        std::map<std::string, std::string> extra = {
            {"train_seconds", Number(previous_seconds + since_start.Seconds())},
            {"seed", std::to_string(options.seed)},
            {"batch", std::to_string(options.batch)},
            {"patch_px", std::to_string(options.patch_px)},
            {"learning_rate", Number(LearningRateAt(options, step))},
            {"loss", Number(report.last_loss)},
            {"train_steps", std::to_string(step)},
            {"sign_from_step", std::to_string(options.sign_from_step)},
            {"client_only", options.client_only ? "1" : "0"},
        };
        SafetensorsFile file = ModelWeights(model, "F32", extra);
        adam.Save(file);
        file.Save(options.checkpoint);
        since_checkpoint.Restart();
        log << "checkpoint " << options.checkpoint << " at step " << step << std::endl;
    };

    double window_loss = 0;
    std::vector<double> window_layers(options.config.iterations, 0);
    std::vector<double> window_exits(ModelConfig::kExitCount, 0);
    double window_server = 0;
    int window = 0;
    Stopwatch since_window;
    while (step < options.steps)
    {
        std::mt19937_64 rng(options.seed * 0x9E3779B97F4A7C15ULL +
                            static_cast<std::uint64_t>(step));
        torch::Tensor batch =
            FramesToTensor(data.SamplePatches(rng, options.batch, options.patch_px)).to(device);
        torch::manual_seed(options.seed ^ (static_cast<std::uint64_t>(step) << 20));
        model->encoder->GetBinarizer()->SetSignInTraining(options.sign_from_step >= 0 &&
                                                          step >= options.sign_from_step);
        adam.ZeroGrad();
        TrainingLoss loss =
            options.client_only ? model->ForwardClientOnly(batch) : model->forward(batch);
        loss.total.backward();
        if (options.clip_grad_norm > 0)
        {
            torch::nn::utils::clip_grad_norm_(parameters, options.clip_grad_norm);
        }
        double warmup =
            options.warmup_steps > 0
                ? std::min(1.0, static_cast<double>(adam.Steps() + 1) / options.warmup_steps)
                : 1.0;
        adam.Step(LearningRateAt(options, step) * warmup);
        double value = loss.total.item<double>();
        if (step == report.first_step)
        {
            report.first_loss = value;
        }
        window_loss += value;
        for (std::size_t k = 0; k < window_layers.size(); ++k)
        {
            window_layers[k] += loss.layer_mse[k];
        }
        for (std::size_t e = 0; e < window_exits.size(); ++e)
        {
            window_exits[e] += loss.exit_mse[e];
        }
        window_server += loss.server_mse;
        ++window;
        ++step;
        if (window == options.log_every || step == options.steps)
        {
            report.last_loss = window_loss / window;
            log << "step " << step << "/" << options.steps << " loss " << std::setprecision(5)
                << report.last_loss << std::fixed << std::setprecision(2) << " | PSNR-YUV k=1.."
                << window_layers.size() << ":";
            for (double& mse : window_layers)
            {
                log << " " << Psnr_db(mse / window);
                mse = 0;
            }
            log << " | exits (mean over k):";
            for (double& mse : window_exits)
            {
                log << " " << Psnr_db(mse / window);
                mse = 0;
            }
            // The server (recurrent) decoder on the same codes, beside the client's full exit.
            log << " | server (mean over k): " << Psnr_db(window_server / window);
            window_server = 0;
            log << " | " << since_window.Seconds() / window << " s/step";
            if (options.lr_half_life_steps > 0)
            {
                log << " | lr " << std::scientific << std::setprecision(2)
                    << LearningRateAt(options, step);
            }
            log << std::endl;
            log.unsetf(std::ios::floatfield);
            window_loss = 0;
            window = 0;
            since_window.Restart();
        }
        if (since_checkpoint.Seconds() >= options.checkpoint_every_s)
        {
            save();
        }
    }
    save();
    report.last_step = step;
    report.seconds = since_start.Seconds();
    report.total_seconds = previous_seconds + report.seconds;
    return report;
}

void
ExportWeights(const std::string& checkpoint, const std::string& output, const std::string& dtype)
{
    if (dtype != "F32" && dtype != "F16")
    {
        throw ns3::InputError("--dtype: F32 or F16, not '" + dtype + "'");
    }
    SafetensorsFile file = SafetensorsFile::Load(checkpoint);
    LayeredModel model = LoadModel(file, checkpoint);
    std::map<std::string, std::string> extra;
    for (const char* key :
         {"train_seconds", "seed", "batch", "patch_px", "learning_rate", "loss", "adam_steps"})
    {
        auto it = file.metadata.find(key);
        if (it != file.metadata.end())
        {
            extra[it->first == std::string("adam_steps") ? "train_steps" : it->first] = it->second;
        }
    }
    extra["dtype"] = dtype;
    ModelWeights(model, dtype, extra).Save(output);
}

} // namespace lvc
