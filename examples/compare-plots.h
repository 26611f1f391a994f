// Plots of the layered-video-compare example, drawn by gnuplot (PNG).
#ifndef LAYERED_VIDEO_COMPARE_PLOTS_H
#define LAYERED_VIDEO_COMPARE_PLOTS_H

#include "ns3/bandwidth-trace.h"
#include "ns3/batch-report.h"

#include <string>
#include <utility>
#include <vector>

namespace compare
{

/// The CDF of QoE per ABR (sessions that failed are left out); returns the PNG's path or "".
std::string PlotQoeCdf(const std::string& outDir,
                       const std::vector<ns3::BatchResult>& results,
                       const std::vector<std::string>& abrs);

/**
 * For one trace, one panel each over time: the trace's rate with each ABR's measured download
 * throughput, each ABR's buffer level, and the quality each ABR played (the QoE's quality term).
 * `logs` pairs an ABR with its per-chunk CSV log. Returns the PNG's path or "".
 */
std::string PlotTimeline(const std::string& outDir,
                         const ns3::BandwidthTrace& trace,
                         const std::string& traceName,
                         const std::vector<std::pair<std::string, std::string>>& logs);

} // namespace compare

#endif // LAYERED_VIDEO_COMPARE_PLOTS_H
