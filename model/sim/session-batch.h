#ifndef LAYERED_VIDEO_SESSION_BATCH_H
#define LAYERED_VIDEO_SESSION_BATCH_H

#include "chunk-simulator.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/qoe.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

class VideoProfile;

/// The ABR name that stands for the offline optimum in a batch.
constexpr const char* kOptimalName = "optimal";

struct BatchOptions
{
    ChunkSimConfig sim;
    QoeParams qoe;
    /// Compute capacity: "" (always full), "swift" (Swift's generator, seeded per session) or
    /// the path of a `time_s,capacity` CSV file.
    std::string capacity;
    /// Start each session at a random point of its trace (seeded), as Pensieve's training does.
    bool random_start = false;
    /// Worker threads (0: one per core). Results do not depend on it.
    std::uint32_t threads = 0;
    /// When set, per-session JSON summaries and per-chunk CSV logs go under it.
    std::string out_dir;
    /// Progress on stderr.
    bool progress = false;
    /// Cell size of the offline optimum's DP.
    double optimal_step_s = 0.05;
};

/// One session of a batch.
struct BatchResult
{
    std::size_t trace_index = 0;
    std::string trace_name;
    std::string abr;
    std::uint64_t seed = 0;
    QoeSummary summary;
    std::string error; ///< non-empty when the session failed
};

/**
 * \brief Runs traces x ABRs x seeds through the chunk-level simulator on all cores.
 *
 * Each session's randomness (start point, compute capacity) comes from (seed, trace index)
 * only, so every ABR meets the same conditions and results are the same for any thread count.
 * Results come back in job order: for each trace, for each seed, for each ABR.
 */
std::vector<BatchResult> RunBatch(const VideoProfile& profile,
                                  const std::vector<BandwidthTrace>& traces,
                                  const std::vector<std::string>& abrs,
                                  const std::vector<std::uint64_t>& seeds,
                                  const BatchOptions& options);

/// Loads every trace file under a path (a file, or a folder searched recursively; files named
/// SOURCE.md / README.md and hidden files are skipped), sorted by path.
std::vector<BandwidthTrace> LoadTraces(const std::string& path,
                                       TraceFormat format = TraceFormat::Auto);

/// The trace files LoadTraces would read.
std::vector<std::string> ListTraceFiles(const std::string& path);

} // namespace ns3

#endif // LAYERED_VIDEO_SESSION_BATCH_H
