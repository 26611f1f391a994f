// Agreement of the packet-level (ns-3) sessions with the chunk-level simulator on the same
// cases, and calibration of the chunk-level model's per-request RTT and payload ratio.
#ifndef LAYERED_VIDEO_COMPARE_AGREEMENT_H
#define LAYERED_VIDEO_COMPARE_AGREEMENT_H

#include "compare-cases.h"

#include <ostream>
#include <string>
#include <vector>

namespace compare
{

/// The chunk-level simulator on the same profile, traces, ABRs, seeds and session settings.
std::vector<ns3::BatchResult> RunChunkLevel(const CompareConfig& config,
                                            double rtt_s,
                                            double payloadRatio,
                                            unsigned threads);

/// The gaps between two sets of results on the same cases (same order).
struct Gap
{
    size_t sessions = 0;
    double medianAbs = 0; ///< median |QoE packet - QoE chunk|
    double p90Abs = 0;
    double worstAbs = 0;
    double meanSigned = 0;   ///< mean (packet - chunk): the bias
    double medianRelPct = 0; ///< median |gap| / |chunk-level QoE|, in percent
    std::string worstTrace;
};

/// The gap over the cases of one ABR ("" for every case).
Gap ComputeGap(const std::vector<ns3::BatchResult>& packet,
               const std::vector<ns3::BatchResult>& chunk,
               const std::string& abr);

/// One row per ABR and a row for all, as a table.
void PrintAgreement(std::ostream& out,
                    const std::vector<ns3::BatchResult>& packet,
                    const std::vector<ns3::BatchResult>& chunk,
                    const std::vector<std::string>& abrs);

/// abr,trace,seed,qoe_packet,qoe_chunk,gap per case.
void WriteAgreementCsv(const std::string& path,
                       const std::vector<ns3::BatchResult>& packet,
                       const std::vector<ns3::BatchResult>& chunk);

/// Searches per-request RTTs and payload ratios for the smallest median |gap| over all cases;
/// prints the search's best points and returns the best (rtt_s, payload ratio).
std::pair<double, double> Calibrate(std::ostream& out,
                                    const CompareConfig& config,
                                    const std::vector<ns3::BatchResult>& packet,
                                    unsigned threads);

} // namespace compare

#endif // LAYERED_VIDEO_COMPARE_AGREEMENT_H
