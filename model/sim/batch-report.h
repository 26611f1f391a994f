#ifndef LAYERED_VIDEO_BATCH_REPORT_H
#define LAYERED_VIDEO_BATCH_REPORT_H

#include "session-batch.h"

#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/// Mean, median and 10th percentile of a sample (percentiles interpolate linearly).
struct TermStats
{
    double mean = 0;
    double median = 0;
    double p10 = 0;
};

TermStats ComputeStats(std::vector<double> values);

/// Percentile p in [0, 100] with linear interpolation between order statistics.
double Percentile(std::vector<double> values, double p);

/// The QoE terms a report covers, in order, with a getter for each.
std::vector<std::string> ReportTermNames();
double ReportTerm(const QoeSummary& s, const std::string& term);

/**
 * Prints the comparison: first one row per ABR (sessions, failures, QoE mean / median / p10,
 * normalised QoE, and the share of the offline optimum when it was run), then per ABR and term
 * the mean, median and 10th percentile. ABRs appear in the order given.
 */
void PrintBatchReport(std::ostream& out,
                      const std::vector<BatchResult>& results,
                      const std::vector<std::string>& abrs);

/// One CSV row per session: abr,trace,seed,error, then every term of ReportTermNames().
void WriteSessionsCsv(std::ostream& out, const std::vector<BatchResult>& results);

} // namespace ns3

#endif // LAYERED_VIDEO_BATCH_REPORT_H
