#include "restore/restoration-trainer.h"

#include "common/stopwatch.h"
#include "nn/compute-threads.h"
#include "nn/frame-tensor.h"
#include "nn/model-weights.h"
#include "train/adam.h"

#include "ns3/input-error.h"

#include <cmath>
#include <filesystem>
#include <iomanip>

namespace lvc
{

namespace
{

std::string
Number(double v)
{
    std::ostringstream out;
    out << std::setprecision(10) << v;
    return out.str();
}

double
PsnrOfMse(double mse)
{
    return 10 * std::log10(1.0 / std::max(mse, 1e-12));
}

} // namespace

double
RestorationLearningRate(const RestorationTrainOptions& options, std::int64_t step)
{
    if (options.lr_half_life_steps <= 0 || step < options.lr_decay_from_step)
    {
        return options.learning_rate;
    }
    return options.learning_rate * std::pow(0.5,
                                            static_cast<double>(step - options.lr_decay_from_step) /
                                                options.lr_half_life_steps);
}

RestorationTrainReport
TrainRestoration(const RestorationTrainOptions& options,
                 const RestorationData& data,
                 std::ostream& log)
{
    SetComputeThreads(options.threads);
    torch::manual_seed(static_cast<std::uint64_t>(options.seed));
    RestorationNet net(options.config);
    std::vector<torch::Tensor> parameters;
    std::vector<std::string> names;
    for (auto& item : net->named_parameters(true))
    {
        parameters.push_back(item.value());
        names.push_back("restore." + item.key());
    }
    Adam adam(parameters, names);
    std::int64_t step = 0;
    double previous_seconds = 0;
    if (!options.checkpoint.empty() && std::filesystem::exists(options.checkpoint))
    {
        SafetensorsFile checkpoint = SafetensorsFile::Load(options.checkpoint);
        const RestorationConfig saved =
            RestorationConfig::FromMetadata(checkpoint.metadata, options.checkpoint);
        if (saved.ToMetadata() != options.config.ToMetadata())
        {
            throw ns3::InputError::InFile(
                options.checkpoint,
                "holds another network configuration (channels/blocks): resume with "
                "the same options or start a new checkpoint");
        }
        LoadParameters(*net, "restore.", checkpoint, options.checkpoint);
        adam.Load(checkpoint, options.checkpoint);
        step = std::stoll(checkpoint.metadata.at("train_steps"));
        previous_seconds = std::stod(checkpoint.metadata.at("train_seconds"));
        log << "resumed " << options.checkpoint << " at step " << step << std::endl;
    }
    net->train();
    const Stopwatch since_start;
    Stopwatch since_checkpoint;
    auto save = [&]() {
        if (options.checkpoint.empty())
        {
            return;
        }
        SafetensorsFile file =
            RestorationWeights(net,
                               "F32",
                               {{"train_steps", std::to_string(step)},
                                {"train_seconds", Number(previous_seconds + since_start.Seconds())},
                                {"seed", std::to_string(options.seed)},
                                {"batch", std::to_string(options.batch)},
                                {"patch_px", std::to_string(options.patch_px)},
                                {"learning_rate", Number(options.learning_rate)}});
        adam.Save(file);
        file.Save(options.checkpoint);
        since_checkpoint.Restart();
    };
    RestorationTrainReport report;
    report.first_step = step;
    const int exits = options.config.ExitCount();
    std::vector<double> exit_mse(static_cast<std::size_t>(exits - 1), 0);
    double plain_mse = 0;
    int logged = 0;
    while (step < options.steps)
    {
        std::mt19937_64 rng(options.seed * 1000003ULL + static_cast<std::uint64_t>(step));
        const RestorationBatch batch = data.SamplePatches(rng, options.batch, options.patch_px);
        const torch::Tensor decoded = FramesToTensor(batch.decoded);
        const torch::Tensor target = FramesToTensor(batch.original);
        torch::Tensor hints = torch::empty({decoded.size(0), 1, decoded.size(2), decoded.size(3)});
        for (std::size_t i = 0; i < batch.hints.size(); ++i)
        {
            hints[static_cast<std::int64_t>(i)].fill_(HintPlaneValue(batch.hints[i]));
        }
        const std::vector<torch::Tensor> outputs =
            net->forward(torch::cat({decoded, hints}, 1), exits);
        torch::Tensor loss = torch::zeros({});
        for (std::size_t e = 0; e < outputs.size(); ++e)
        {
            const torch::Tensor mse = torch::mse_loss(outputs[e], target);
            loss = loss + mse;
            exit_mse[e] += mse.item<double>();
        }
        plain_mse += torch::mse_loss(decoded, target).item<double>();
        adam.ZeroGrad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(parameters, 1.0);
        adam.Step(RestorationLearningRate(options, step));
        ++step;
        ++logged;
        if (logged == options.log_every || step == options.steps)
        {
            report.plain_psnr_db = PsnrOfMse(plain_mse / logged);
            report.exit_psnr_db.clear();
            log << "step " << step << " lr " << RestorationLearningRate(options, step) << " plain "
                << std::fixed << std::setprecision(3) << report.plain_psnr_db << " dB";
            for (std::size_t e = 0; e < exit_mse.size(); ++e)
            {
                report.exit_psnr_db.push_back(PsnrOfMse(exit_mse[e] / logged));
                log << " exit " << e + 2 << " " << report.exit_psnr_db.back() << " dB";
                exit_mse[e] = 0;
            }
            log << " (" << std::setprecision(1) << previous_seconds + since_start.Seconds() << " s)"
                << std::endl;
            log.unsetf(std::ios::floatfield);
            plain_mse = 0;
            logged = 0;
        }
        if (since_checkpoint.Seconds() >= options.checkpoint_every_s)
        {
            save();
        }
    }
    save();
    report.last_step = step;
    return report;
}

void
ExportRestorationWeights(const std::string& checkpoint,
                         const std::string& output,
                         const std::string& dtype)
{
    if (dtype != "F32" && dtype != "F16")
    {
        throw ns3::InputError("--dtype: F32 or F16, not '" + dtype + "'");
    }
    SafetensorsFile file = SafetensorsFile::Load(checkpoint);
    RestorationNet net = LoadRestorationNet(file, checkpoint);
    std::map<std::string, std::string> extra;
    for (const char* key :
         {"train_steps", "train_seconds", "seed", "batch", "patch_px", "learning_rate"})
    {
        auto it = file.metadata.find(key);
        if (it != file.metadata.end())
        {
            extra[it->first] = it->second;
        }
    }
    extra["dtype"] = dtype;
    RestorationWeights(net, dtype, extra).Save(output);
}

} // namespace lvc
