// Trains the layered codec on random patches: resumable, deterministic given the seed.
#ifndef LVC_TRAIN_TRAINER_H
#define LVC_TRAIN_TRAINER_H

#include "nn/model-config.h"
#include "train/training-data.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace lvc
{

struct TrainOptions
{
    ModelConfig config;
    /// Resumed from when it exists (its config must equal `config`), written every
    /// checkpoint_every_s and at the end. Empty: no checkpoint.
    std::string checkpoint;
    std::int64_t steps = 1000; ///< the step count to reach (a resumed run continues to it)
    int batch = 16;
    int patch_px = 64;
    double learning_rate = 1e-3;
    /// Step decay: from lr_decay_from_step on, the learning rate halves every
    /// lr_half_life_steps steps (0: constant), never below lr_min.
    double lr_half_life_steps = 0;
    std::int64_t lr_decay_from_step = 0;
    double lr_min = 0;
    std::uint64_t seed = 1;
    double checkpoint_every_s = 180;
    int log_every = 10;
    double clip_grad_norm = 1.0;
    std::string device = "auto"; ///< auto (CUDA when present), cpu, cuda
    int threads = 2;             ///< CPU threads of LibTorch
    /// Resume the weights and the step count but start Adam afresh (after a change of the
    /// objective, whose gradients the old moments do not fit).
    bool reset_optimizer = false;
    /// The learning rate rises linearly over Adam's first steps (after a start or a reset).
    int warmup_steps = 200;
    /// From this step on the binarizer uses its sign in training too (< 0: never), so that the
    /// decoders fit the codes inference gives (see codec-lib/README.md, "Training").
    std::int64_t sign_from_step = -1;
    /// Trains the client (single-shot) decoder alone on the codes inference gives
    /// (LayeredModelImpl::ForwardClientOnly): the encoder and the server decoder stay as the
    /// checkpoint has them, so every picture's codes do too. Adam holds the client's parameters
    /// only (switching modes needs reset_optimizer).
    bool client_only = false;
};

struct TrainReport
{
    std::int64_t first_step = 0; ///< the step training started (resumed) at
    std::int64_t last_step = 0;
    double first_loss = 0;    ///< loss of the first step run here
    double last_loss = 0;     ///< mean loss of the last logging window
    double seconds = 0;       ///< wall time of this run
    double total_seconds = 0; ///< including the runs the checkpoint continues
};

/// The learning rate of `step` before warm-up: constant, or halving as TrainOptions says.
double LearningRateAt(const TrainOptions& options, std::int64_t step);

/**
 * Runs Adam from the checkpoint (or from a seeded initialisation) to `options.steps`. The batch
 * of step s is drawn with a generator seeded by (seed, s), and the binarizer's noise likewise, so
 * a resumed run continues exactly as an uninterrupted one would. Progress lines (step, loss,
 * PSNR of every prefix, s/step) go to `log`.
 */
TrainReport Train(const TrainOptions& options, const TrainingFrames& data, std::ostream& log);

/// Writes the weights of a checkpoint (model only) as `dtype` (F32 or F16) to `output`.
void ExportWeights(const std::string& checkpoint,
                   const std::string& output,
                   const std::string& dtype);

} // namespace lvc

#endif // LVC_TRAIN_TRAINER_H
