// lvc train-restore / export-restore: the wavelet codec's restoration network (its learned
// single-shot decoder stage) trained on the codec's own decoded frames.
#include "restore/restoration-data.h"
#include "restore/restoration-trainer.h"
#include "tools/commands.h"
#include "tools/default-paths.h"

#include "ns3/input-error.h"

#include <array>
#include <memory>

namespace lvc
{

using ns3::InputError;

namespace
{

struct RestoreTrainArgs
{
    RestorationTrainOptions options;
    RestorationDataOptions data;
    std::string shared_dir = LVC_DEFAULT_SHARED_DIR;
    std::string data_list;
};

void
RunTrainRestore(const Console& console, RestoreTrainArgs& args)
{
    RestorationTrainOptions& o = args.options;
    if (o.steps < 1 || o.log_every < 1 || !(o.learning_rate > 0) || o.threads < 1 || o.batch < 1 ||
        o.patch_px < 16 || o.patch_px % 16 != 0 || o.patch_px > 512)
    {
        throw InputError(
            "--steps, --log-every, --lr, --threads and --batch must be positive, --patch a "
            "multiple of 16 in 16..512");
    }
    if (!(o.lr_half_life_steps >= 0) || o.lr_decay_from_step < 0)
    {
        throw InputError("--lr-half-life and --lr-decay-from must be >= 0");
    }
    if (o.config.channels < 1 || o.config.channels > 256 || o.config.blocks.empty() ||
        o.config.blocks.size() > 8)
    {
        throw InputError(
            "--channels: 1..256; --blocks: 1..8 counts, one per exit beyond the first");
    }
    for (int b : o.config.blocks)
    {
        if (b < 0 || b > 16)
        {
            throw InputError("--blocks: each count in 0..16");
        }
    }
    if (args.data.chunks_per_source < 1 || args.data.frames_per_prefix < 1 ||
        args.data.chunk_frames < 1)
    {
        throw InputError("--chunks-per-source and --frames-per-prefix must be positive");
    }
    args.data.min_side = std::max(args.data.min_side, o.patch_px);
    args.data.seed = o.seed;
    const std::vector<TrainingSource> sources =
        DefaultTrainingSources(args.shared_dir, args.data_list);
    const RestorationData data(sources, args.data, [&console](const std::string& line) {
        console.Progress("data: " + line);
    });
    console.Progress("data: " + std::to_string(data.Size()) + " decoded frames, plain PSNR-Y " +
                     std::to_string(data.PlainPsnrY_db()) + " dB");
    const RestorationTrainReport report = TrainRestoration(o, data, console.err);
    console.out << "trained steps " << report.first_step << ".." << report.last_step << ": plain "
                << report.plain_psnr_db << " dB";
    for (std::size_t e = 0; e < report.exit_psnr_db.size(); ++e)
    {
        console.out << ", exit " << e + 2 << " " << report.exit_psnr_db[e] << " dB";
    }
    console.out << " (last " << o.log_every << " steps' batches)\n";
}

} // namespace

void
AddRestoreCommands(CLI::App& app, Console& console)
{
    auto args = std::make_shared<RestoreTrainArgs>();
    CLI::App* train = app.add_subcommand(
        "train-restore",
        "train the wavelet codec's restoration network on its own decoded frames (resumable)");
    RestorationTrainOptions& o = args->options;
    train->add_option("--checkpoint", o.checkpoint, "resumed when it exists, written every 180 s")
        ->required();
    train->add_option("--data-list", args->data_list, "more training files, one path per line");
    train->add_option("--shared-dir", args->shared_dir, "the shared data folder")
        ->capture_default_str();
    train->add_option("--steps", o.steps, "the step count to reach")->capture_default_str();
    train->add_option("--batch", o.batch, "patches per step")->capture_default_str();
    train->add_option("--patch", o.patch_px, "patch side in pixels (a multiple of 16)")
        ->capture_default_str();
    train->add_option("--lr", o.learning_rate, "Adam's learning rate")->capture_default_str();
    train->add_option("--lr-decay-from", o.lr_decay_from_step, "step decay: from this step")
        ->capture_default_str();
    train
        ->add_option("--lr-half-life",
                     o.lr_half_life_steps,
                     "step decay: halve every this many steps (0: none)")
        ->capture_default_str();
    train->add_option("--seed", o.seed, "batches, and the frames kept")->capture_default_str();
    train->add_option("--threads", o.threads, "LibTorch threads")->capture_default_str();
    train->add_option("--log-every", o.log_every, "steps per progress line")->capture_default_str();
    train->add_option("--channels", o.config.channels, "network width")->capture_default_str();
    train
        ->add_option("--blocks",
                     o.config.blocks,
                     "residual blocks before each exit beyond the first")
        ->delimiter(',')
        ->capture_default_str();
    train
        ->add_option("--chunks-per-source",
                     args->data.chunks_per_source,
                     "chunks coded per training video")
        ->capture_default_str();
    train
        ->add_option("--frames-per-prefix",
                     args->data.frames_per_prefix,
                     "decoded frames kept per chunk and prefix")
        ->capture_default_str();
    train->callback([&console, args] { RunTrainRestore(console, *args); });

    auto exported = std::make_shared<std::array<std::string, 3>>();
    (*exported)[2] = "F16";
    CLI::App* export_command =
        app.add_subcommand("export-restore", "a restoration checkpoint -> shipped weights");
    export_command->add_option("CHECKPOINT", (*exported)[0], "training checkpoint")->required();
    export_command->add_option("-o,--output", (*exported)[1], "weights to write")->required();
    export_command->add_option("--dtype", (*exported)[2], "F16 (default) or F32");
    export_command->callback([&console, exported] {
        ExportRestorationWeights((*exported)[0], (*exported)[1], (*exported)[2]);
        console.out << "wrote " << (*exported)[1] << "\n";
    });
}

} // namespace lvc
