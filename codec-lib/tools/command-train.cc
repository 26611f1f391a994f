// lvc train / export-weights: the neural codec's training tool.
#include "nn/neural-codec.h"
#include "tools/commands.h"
#include "tools/default-paths.h"
#include "train/interpolation-errors.h"
#include "train/trainer.h"

#include "ns3/input-error.h"

#include <array>
#include <memory>
#include <random>

namespace lvc
{

using ns3::InputError;

namespace
{

struct TrainArgs
{
    TrainOptions options;
    std::string shared_dir = LVC_DEFAULT_SHARED_DIR;
    std::string data_list;
    double interp_fraction = 0;
    std::string interp_weights = LVC_DEFAULT_WEIGHTS;
    int interp_min_layers = 1; ///< the anchors' layer count is drawn from this..K
    InterpolationErrorOptions interp;
};

/**
 * Adds the interpolation errors of every video source: anchors coded by `args.interp_weights`
 * with layers 1..k, k drawn per group of pictures (seeded) from interp_min_layers..K (the
 * shipped mode codes B errors only against anchors of f..K layers), decoded at the full exit.
 */
void
AddInterpolationErrors(const Console& console,
                       const TrainArgs& args,
                       const std::vector<TrainingSource>& sources,
                       TrainingFrames& data)
{
    NeuralCodec codec(args.interp_weights, args.options.threads);
    const int k_max = codec.Config().iterations;
    if (args.interp_min_layers > k_max)
    {
        throw InputError("--interp-min-layers " + std::to_string(args.interp_min_layers) +
                         " exceeds the " + std::to_string(k_max) + " layers of " +
                         args.interp_weights);
    }
    const int k_span = k_max - args.interp_min_layers + 1;
    std::mt19937_64 rng(args.options.seed);
    std::vector<Frame> errors;
    for (const TrainingSource& source : sources)
    {
        std::vector<Frame> more =
            InterpolationErrorFrames(source, args.interp, [&](const Frame& anchor, int) {
                const int k = args.interp_min_layers + static_cast<int>(rng() % k_span);
                std::vector<FrameCodes> codes = codec.Encode({anchor}, k);
                return codec.Decode(codes, anchor.Width(), anchor.Height(), 3).front();
            });
        if (!more.empty())
        {
            console.Progress("interpolation errors: " + source.path + ": " +
                             std::to_string(more.size()) + " B frames");
        }
        errors.insert(errors.end(),
                      std::make_move_iterator(more.begin()),
                      std::make_move_iterator(more.end()));
    }
    data.AddErrorFrames(std::move(errors), args.interp_fraction, args.options.patch_px);
    console.Progress("interpolation errors: " + std::to_string(data.ErrorFrameCount()) +
                     " pictures, a fraction " + std::to_string(args.interp_fraction) +
                     " of the patches");
}

void
AddModelOptions(CLI::App& command, ModelConfig& config)
{
    command.add_option("--iterations", config.iterations, "K: layers")->capture_default_str();
    command.add_option("--code-channels", config.code_channels, "bits per layer per 16x16 block")
        ->capture_default_str();
    command.add_option("--encoder-width", config.encoder_width, "channels at 1/8 resolution")
        ->capture_default_str();
    command.add_option("--state-width", config.state_width, "GRU channels at 1/16 resolution")
        ->capture_default_str();
    command.add_option("--decoder-width", config.decoder_width, "single-shot decoder channels")
        ->capture_default_str();
}

void
RunTrain(const Console& console, TrainArgs& args)
{
    TrainOptions& o = args.options;
    if (o.steps < 1 || o.log_every < 1 || !(o.learning_rate > 0) || o.threads < 1)
    {
        throw InputError("--steps, --log-every, --lr and --threads must be positive");
    }
    if (!(o.lr_half_life_steps >= 0) || !(o.lr_min >= 0) || o.lr_decay_from_step < 0)
    {
        throw InputError("--lr-half-life, --lr-min and --lr-decay-from must be >= 0");
    }
    if (!(args.interp_fraction >= 0 && args.interp_fraction <= 1) || args.interp.groups < 1 ||
        args.interp.gop_frames < 2 || args.interp.gop_frames > 17 || args.interp_min_layers < 1)
    {
        throw InputError("--interp-fraction must be in 0..1, --interp-groups and "
                         "--interp-min-layers positive and --interp-gop 2..17");
    }
    try
    {
        o.config.Check();
    }
    catch (const std::invalid_argument& error)
    {
        throw InputError(std::string("model options: ") + error.what());
    }
    std::vector<TrainingSource> sources = DefaultTrainingSources(args.shared_dir, args.data_list);
    TrainingFrames data(sources, o.patch_px, [&console](const std::string& line) {
        console.Progress("data: " + line);
    });
    console.Progress("data: " + std::to_string(data.Size()) + " frames, " +
                     std::to_string(data.Pixels() / 1000000) + " Mpixels");
    if (args.interp_fraction > 0)
    {
        AddInterpolationErrors(console, args, sources, data);
    }
    TrainReport report = Train(o, data, console.err);
    console.out << "trained steps " << report.first_step << ".." << report.last_step << " in "
                << report.seconds << " s (" << report.total_seconds << " s in all); loss "
                << report.first_loss << " -> " << report.last_loss << "\n";
}

} // namespace

void
AddTrainCommands(CLI::App& app, Console& console)
{
    auto args = std::make_shared<TrainArgs>();
    CLI::App* train = app.add_subcommand(
        "train",
        "train the layered neural codec on 64x64 patches of real video (resumable)");
    TrainOptions& o = args->options;
    AddModelOptions(*train, o.config);
    train->add_option("--checkpoint", o.checkpoint, "resumed when it exists, written regularly")
        ->required();
    train->add_option("--steps", o.steps, "the step count to reach")->capture_default_str();
    train->add_option("--batch", o.batch, "patches per step")->capture_default_str();
    train->add_option("--patch", o.patch_px, "patch side in pixels (multiple of 16)")
        ->capture_default_str();
    train->add_option("--lr", o.learning_rate, "Adam's learning rate")->capture_default_str();
    train
        ->add_option("--lr-half-life",
                     o.lr_half_life_steps,
                     "steps per halving of the learning rate (0: constant)")
        ->capture_default_str();
    train->add_option("--lr-decay-from", o.lr_decay_from_step, "the step the halving starts at")
        ->capture_default_str();
    train->add_option("--lr-min", o.lr_min, "the learning rate's floor")->capture_default_str();
    train->add_option("--seed", o.seed, "initialisation, batches and binarizer noise")
        ->capture_default_str();
    train->add_option("--checkpoint-every-s", o.checkpoint_every_s, "seconds between checkpoints")
        ->capture_default_str();
    train->add_option("--log-every", o.log_every, "steps per progress line")->capture_default_str();
    train->add_option("--device", o.device, "auto (CUDA when present), cpu or cuda")
        ->capture_default_str();
    train->add_option("--threads", o.threads, "LibTorch CPU threads")->capture_default_str();
    train->add_flag("--reset-optimizer",
                    o.reset_optimizer,
                    "resume the weights and step count, but start Adam afresh");
    train->add_option("--warmup-steps", o.warmup_steps, "linear learning-rate warm-up of Adam")
        ->capture_default_str();
    train
        ->add_option("--sign-from-step",
                     o.sign_from_step,
                     "from this step the binarizer uses its sign in training too (-1: never)")
        ->capture_default_str();
    train->add_flag("--client-only",
                    o.client_only,
                    "train the client decoder alone on inference's codes (the encoder, and so "
                    "a picture's codes, stay as they are)");
    train->add_option("--shared", args->shared_dir, "the shared data folder (training clips)")
        ->capture_default_str();
    train->add_option("--data-list",
                      args->data_list,
                      "more training files, one path per line (scripts/fetch-training-data.sh)");
    train
        ->add_option("--interp-fraction",
                     args->interp_fraction,
                     "share of the patches taken from B frames' interpolation errors (0..1)")
        ->capture_default_str();
    train
        ->add_option("--interp-weights",
                     args->interp_weights,
                     "weights that code the anchors of those interpolations")
        ->capture_default_str();
    train->add_option("--interp-gop", args->interp.gop_frames, "anchor spacing of those B frames")
        ->capture_default_str();
    train->add_option("--interp-groups", args->interp.groups, "groups of pictures per video")
        ->capture_default_str();
    train
        ->add_option("--interp-min-layers",
                     args->interp_min_layers,
                     "fewest layers the anchors of those interpolations are coded with (1..K)")
        ->capture_default_str();
    train->callback([&console, args] { RunTrain(console, *args); });

    auto export_args = std::make_shared<std::array<std::string, 3>>();
    (*export_args)[2] = "F16";
    CLI::App* exported =
        app.add_subcommand("export-weights", "a training checkpoint -> shipped weights");
    exported->add_option("CHECKPOINT", (*export_args)[0], "training checkpoint")->required();
    exported->add_option("-o,--output", (*export_args)[1], "weights to write")->required();
    exported->add_option("--dtype", (*export_args)[2], "F16 (default) or F32");
    exported->callback([&console, export_args] {
        ExportWeights((*export_args)[0], (*export_args)[1], (*export_args)[2]);
        console.out << "wrote " << (*export_args)[1] << "\n";
    });
}

} // namespace lvc
