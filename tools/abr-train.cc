// abr-train: trains a learned ABR policy (PPO, LibTorch) in the chunk-level simulator and writes
// it as safetensors: checkpoint.safetensors (latest), best.safetensors (best on validation) and
// progress.csv in --out. The policy runs in abr-sim and ns-3 as "learned:<file>".
#include "parse-options.h"

#include "ns3/input-error.h"
#include "ns3/policy-evaluation.h"
#include "ns3/policy-network.h"
#include "ns3/ppo-trainer.h"
#include "ns3/session-batch.h"
#include "ns3/video-profile.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace
{
std::vector<std::uint32_t>
ParseSizes(const std::string& text)
{
    std::vector<std::uint32_t> sizes;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
    {
        std::size_t used = 0;
        unsigned long v = 0;
        try
        {
            v = std::stoul(item, &used);
        }
        catch (const std::exception&)
        {
            used = 0;
        }
        if (used != item.size() || v == 0 || v > 4096)
        {
            throw ns3::InputError::AtField("--hidden", text, "expects sizes like 128,64");
        }
        sizes.push_back(static_cast<std::uint32_t>(v));
    }
    return sizes;
}
} // namespace

int
main(int argc, char** argv)
{
    using namespace ns3;
    CLI::App app{"Trains a learned ABR policy (PPO over the chunk-level simulator) and writes it "
                 "as safetensors for LearnedAbr (abr-sim --abr learned:FILE, ns-3 PolicyPath)."};
    std::string profile_path;
    std::string traces_path;
    std::string out_dir = "policy-out";
    std::uint32_t chunks = 48;
    std::string qoe_metric = "psnr";
    std::uint32_t validation_every = 5;
    std::string capacity = "swift";
    std::uint32_t window = 8;
    bool no_wait = false;
    bool fixed_start = false;
    std::string hidden = "128,64";
    std::string resume;
    double rtt_ms = ChunkSimConfig().rtt_s * 1000;
    double optimal_step_s = TrainingData().optimal_step_s;
    double payload_ratio = ChunkSimConfig().payload_ratio;
    double buffer_cap_s = 60;
    double time_limit_min = 0;
    bool quiet = false;
    PpoConfig config;

    app.add_option("--profile", profile_path, "video profile the policy is trained for")
        ->required();
    app.add_option("--traces", traces_path, "training traces: a file or a folder")->required();
    app.add_option("--out", out_dir, "folder for the policy files and progress.csv")
        ->capture_default_str();
    app.add_option("--chunks", chunks, "session length in chunks (the profile repeats)")
        ->capture_default_str();
    app.add_option("--qoe", qoe_metric, "QoE quality term: linear, log, psnr or ssim")
        ->capture_default_str();
    app.add_option("--validation-every",
                   validation_every,
                   "every n-th trace is held out for validation (0: none)")
        ->capture_default_str();
    app.add_option("--capacity", capacity, "compute capacity: '' (full), swift, or a CSV file")
        ->capture_default_str();
    app.add_option("--window", window, "buffered chunks the layered policy can upgrade")
        ->capture_default_str()
        ->check(CLI::Range(0u, 60u));
    app.add_flag("--no-wait", no_wait, "no wait action (ladder policies never have one)");
    app.add_flag("--fixed-start", fixed_start, "start every episode at its trace's start");
    app.add_option("--hidden", hidden, "hidden layer sizes of actor and critic")
        ->capture_default_str();
    app.add_option("--seed", config.seed, "seed")->capture_default_str();
    app.add_option("--iterations", config.iterations, "PPO iterations")->capture_default_str();
    app.add_option("--time-limit-min", time_limit_min, "stop after this many minutes (0: none)")
        ->capture_default_str();
    app.add_option("--envs", config.envs, "parallel environments")
        ->capture_default_str()
        ->check(CLI::Range(1u, 4096u));
    app.add_option("--rollout", config.rollout_steps, "steps per environment per iteration")
        ->capture_default_str()
        ->check(CLI::Range(1u, 100000u));
    app.add_option("--epochs", config.epochs, "passes over each rollout")->capture_default_str();
    app.add_option("--minibatch", config.minibatch, "minibatch size")->capture_default_str();
    app.add_option("--gamma", config.gamma, "discount")->capture_default_str();
    app.add_option("--actor-lr", config.actor_lr, "actor learning rate")->capture_default_str();
    app.add_option("--critic-lr", config.critic_lr, "critic learning rate")->capture_default_str();
    app.add_option("--entropy-start", config.entropy_start, "initial entropy weight")
        ->capture_default_str();
    app.add_option("--entropy-end", config.entropy_end, "final entropy weight")
        ->capture_default_str();
    app.add_option("--entropy-decay", config.entropy_decay_iterations, "iterations of the decay")
        ->capture_default_str();
    app.add_option("--validate-every", config.validate_every, "iterations between validations")
        ->capture_default_str();
    app.add_option("--checkpoint-every-s", config.checkpoint_every_s, "seconds between saves")
        ->capture_default_str();
    app.add_option("--threads", config.threads, "LibTorch threads")->capture_default_str();
    app.add_option("--resume", resume, "continue from a checkpoint file");
    app.add_option("--rtt-ms", rtt_ms, "request to first byte (ms)")->capture_default_str();
    app.add_option("--optimal-step-s",
                   optimal_step_s,
                   "cell size of the offline optimum the validation is compared with (s)")
        ->check(CLI::Range(0.001, 10.0))
        ->capture_default_str();
    app.add_option("--payload-ratio", payload_ratio, "share of the rate carrying payload")
        ->capture_default_str();
    app.add_option("--buffer-cap-s", buffer_cap_s, "buffer cap (s)")->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "no progress lines");
    if (std::optional<int> status = ParseOptions(app, "abr-train", argc, argv))
    {
        return *status;
    }

    try
    {
        VideoProfile profile = VideoProfile::Load(profile_path);
        if (chunks > 0)
        {
            profile = profile.Looped(chunks);
        }
        TrainingData data;
        data.profile = &profile;
        data.qoe.metric = ParseQoeMetric(qoe_metric);
        data.layout = PolicyLayout::ForProfile(profile, window, profile.IsLayered() && !no_wait);
        data.sim.rtt_s = rtt_ms / 1000;
        data.optimal_step_s = optimal_step_s;
        data.sim.payload_ratio = payload_ratio;
        data.sim.session.limits.buffer_cap_s = buffer_cap_s;
        data.traces = SplitTraces(LoadTraces(traces_path), validation_every);
        data.capacity = capacity;
        data.random_start = !fixed_start;
        std::string command;
        for (int i = 0; i < argc; ++i)
        {
            command += (i ? " " : "") + std::string(argv[i]);
        }
        data.metadata = {{"profile", profile.GetVideo().name},
                         {"codec", profile.GetCodec().name},
                         {"chunks", std::to_string(profile.GetChunkCount())},
                         {"qoe_metric", qoe_metric},
                         {"traces", traces_path},
                         {"validation_every", std::to_string(validation_every)},
                         {"train_traces", std::to_string(data.traces.train.size())},
                         {"validation_traces", std::to_string(data.traces.validation.size())},
                         {"capacity", capacity},
                         {"rtt_ms", std::to_string(rtt_ms)},
                         {"optimal_step_s", std::to_string(optimal_step_s)},
                         {"payload_ratio", std::to_string(payload_ratio)},
                         {"buffer_cap_s", std::to_string(buffer_cap_s)},
                         {"command", command}};
        config.hidden = ParseSizes(hidden);
        config.time_limit_s = time_limit_min * 60;
        config.out_dir = out_dir;

        PpoTrainer trainer(data, config);
        if (!resume.empty())
        {
            trainer.Resume(resume);
        }
        std::printf("abr-train: %s (%s, %u levels), %zu training / %zu validation traces, "
                    "state %zu, actions %zu\n",
                    profile.GetVideo().name.c_str(),
                    profile.GetCodec().name.c_str(),
                    profile.GetLevelCount(),
                    data.traces.train.size(),
                    data.traces.validation.size(),
                    data.layout.StateSize(),
                    data.layout.ActionCount());
        std::printf("%6s %10s %8s %8s %8s %12s %12s %8s %12s\n",
                    "iter",
                    "steps",
                    "episodes",
                    "wall_s",
                    "entropy",
                    "running_qoe",
                    "valid_qoe",
                    "%opt",
                    "best_valid");
        trainer.Run([&](const TrainProgress& p) {
            if (!quiet || !std::isnan(p.validation_qoe))
            {
                std::printf("%6u %10llu %8llu %8.0f %8.4f %12.3f %12.3f %7.1f%% %12.3f\n",
                            p.iteration,
                            static_cast<unsigned long long>(p.steps),
                            static_cast<unsigned long long>(p.episodes),
                            p.wall_s,
                            p.entropy_weight,
                            p.running_qoe,
                            p.validation_qoe,
                            100 * p.validation_share,
                            p.best_validation_qoe);
                std::fflush(stdout);
            }
        });
        std::string best = (std::filesystem::path(out_dir) / "best.safetensors").string();
        if (std::filesystem::exists(best) && !data.traces.validation.empty())
        {
            auto policy = std::make_shared<const PolicyNetwork>(PolicyNetwork::Load(best));
            QoeModel qoe(profile, data.qoe);
            EvaluationResult r =
                EvaluatePolicy(policy,
                               profile,
                               qoe,
                               data.sim,
                               data.traces.validation,
                               EvaluationEpisodes(data.traces.validation.size(), "", 1, 0));
            std::printf("abr-train: %s: validation QoE %.3f at full capacity; %llu policy "
                        "decisions, %.1f us each\n",
                        best.c_str(),
                        r.mean_qoe,
                        static_cast<unsigned long long>(r.decisions),
                        r.decisions ? 1e6 * r.decision_time_s / r.decisions : 0.0);
        }
        return 0;
    }
    catch (const InputError& e)
    {
        std::cerr << "abr-train: " << e.what() << "\n";
        return 2;
    }
    catch (const std::exception& e)
    {
        std::cerr << "abr-train: " << e.what() << "\n";
        return 1;
    }
}
