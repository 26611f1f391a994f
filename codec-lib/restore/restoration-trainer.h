// lvc train-restore: trains the restoration network (restore/restoration-net.h) on the wavelet
// codec's own decoded frames, resumably.
#ifndef LVC_RESTORE_RESTORATION_TRAINER_H
#define LVC_RESTORE_RESTORATION_TRAINER_H

#include "restore/restoration-data.h"
#include "restore/restoration-net.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace lvc
{

struct RestorationTrainOptions
{
    RestorationConfig config;
    /// Resumed from when it exists (its config must equal `config`), written every
    /// checkpoint_every_s and at the end. Empty: no checkpoint.
    std::string checkpoint;
    std::int64_t steps = 1000; ///< the step count to reach
    int batch = 16;
    int patch_px = 64;
    double learning_rate = 1e-3;
    /// From this step on the learning rate halves every lr_half_life_steps steps (0: constant).
    std::int64_t lr_decay_from_step = 0;
    double lr_half_life_steps = 0;
    std::uint64_t seed = 1;
    double checkpoint_every_s = 180;
    int log_every = 50;
    int threads = 1;
};

struct RestorationTrainReport
{
    std::int64_t first_step = 0;
    std::int64_t last_step = 0;
    /// Mean PSNR (all 6 channels, the batch's) of the plain input and of each exit 2.. over the
    /// last log_every steps run.
    double plain_psnr_db = 0;
    std::vector<double> exit_psnr_db;
};

/// The learning rate at `step` (a function of the step, so that a resumed run continues alike).
double RestorationLearningRate(const RestorationTrainOptions& options, std::int64_t step);

/**
 * Trains on `data`: step s draws its batch with a generator seeded by (seed, s); the loss is the
 * sum over exits of the mean squared error to the originals; Adam with the gradient norm
 * clipped at 1. Writes one progress line every log_every steps to `log`. ns3::InputError when
 * the checkpoint holds another configuration.
 */
RestorationTrainReport TrainRestoration(const RestorationTrainOptions& options,
                                        const RestorationData& data,
                                        std::ostream& log);

/// Checkpoint -> shipped weights (F16 or F32), with the training's metadata kept.
void ExportRestorationWeights(const std::string& checkpoint,
                              const std::string& output,
                              const std::string& dtype);

} // namespace lvc

#endif // LVC_RESTORE_RESTORATION_TRAINER_H
