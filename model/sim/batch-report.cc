#include "batch-report.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <numeric>
#include <stdexcept>

namespace ns3
{

double
Percentile(std::vector<double> values, double p)
{
    if (values.empty())
    {
        return std::nan("");
    }
    std::sort(values.begin(), values.end());
    double rank = p / 100.0 * (values.size() - 1);
    auto low = static_cast<std::size_t>(std::floor(rank));
    std::size_t high = std::min(low + 1, values.size() - 1);
    return values[low] + (rank - low) * (values[high] - values[low]);
}

TermStats
ComputeStats(std::vector<double> values)
{
    TermStats s;
    if (values.empty())
    {
        s.mean = s.median = s.p10 = std::nan("");
        return s;
    }
    s.mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
    s.median = Percentile(values, 50);
    s.p10 = Percentile(values, 10);
    return s;
}

std::vector<std::string>
ReportTermNames()
{
    return {"qoe",
            "normalized_qoe",
            "utility",
            "rebuffer_penalty",
            "smoothness_penalty",
            "startup_penalty",
            "startup_delay_s",
            "stall_s",
            "stall_count",
            "switches",
            "mean_level",
            "mean_bitrate_bps",
            "mean_psnr_db",
            "mean_ssim",
            "bytes",
            "wasted_bytes",
            "upgrades"};
}

double
ReportTerm(const QoeSummary& s, const std::string& term)
{
    static const std::map<std::string, double QoeSummary::*> kDoubles = {
        {"qoe", &QoeSummary::qoe},
        {"normalized_qoe", &QoeSummary::normalized_qoe},
        {"utility", &QoeSummary::utility},
        {"rebuffer_penalty", &QoeSummary::rebuffer_penalty},
        {"smoothness_penalty", &QoeSummary::smoothness_penalty},
        {"startup_penalty", &QoeSummary::startup_penalty},
        {"startup_delay_s", &QoeSummary::startup_delay_s},
        {"stall_s", &QoeSummary::stall_s},
        {"mean_level", &QoeSummary::mean_level},
        {"mean_bitrate_bps", &QoeSummary::mean_bitrate_bps},
        {"mean_psnr_db", &QoeSummary::mean_psnr_db},
        {"mean_ssim", &QoeSummary::mean_ssim},
    };
    if (auto it = kDoubles.find(term); it != kDoubles.end())
    {
        return s.*(it->second);
    }
    if (term == "stall_count")
    {
        return s.stall_count;
    }
    if (term == "switches")
    {
        return s.switches;
    }
    if (term == "bytes")
    {
        return static_cast<double>(s.bytes);
    }
    if (term == "wasted_bytes")
    {
        return static_cast<double>(s.wasted_bytes);
    }
    if (term == "upgrades")
    {
        return s.upgrades;
    }
    throw std::invalid_argument("unknown report term " + term);
}

namespace
{
std::vector<double>
Collect(const std::vector<BatchResult>& results, const std::string& abr, const std::string& term)
{
    std::vector<double> values;
    for (const BatchResult& r : results)
    {
        if (r.abr == abr && r.error.empty())
        {
            double v = ReportTerm(r.summary, term);
            if (!std::isnan(v))
            {
                values.push_back(v);
            }
        }
    }
    return values;
}
} // namespace

void
PrintBatchReport(std::ostream& out,
                 const std::vector<BatchResult>& results,
                 const std::vector<std::string>& abrs)
{
    bool with_optimal = std::find(abrs.begin(), abrs.end(), kOptimalName) != abrs.end();
    double optimal_mean =
        with_optimal ? ComputeStats(Collect(results, kOptimalName, "qoe")).mean : 0;
    std::size_t width = 10;
    for (const auto& a : abrs)
    {
        width = std::max(width, a.size() + 2);
    }
    out << std::fixed << std::setprecision(3);
    out << std::left << std::setw(width) << "abr" << std::right << std::setw(9) << "sessions"
        << std::setw(7) << "failed" << std::setw(11) << "qoe_mean" << std::setw(11) << "qoe_median"
        << std::setw(11) << "qoe_p10" << std::setw(11) << "norm_mean";
    if (with_optimal)
    {
        out << std::setw(12) << "%_optimal";
    }
    out << "\n";
    for (const std::string& abr : abrs)
    {
        std::size_t failed = 0;
        std::size_t total = 0;
        for (const BatchResult& r : results)
        {
            if (r.abr == abr)
            {
                ++total;
                failed += r.error.empty() ? 0 : 1;
            }
        }
        TermStats qoe = ComputeStats(Collect(results, abr, "qoe"));
        TermStats norm = ComputeStats(Collect(results, abr, "normalized_qoe"));
        // Every number after a space of its own: wide values push the row out, never merge.
        out << std::left << std::setw(width) << abr << std::right << ' ' << std::setw(8) << total
            << ' ' << std::setw(6) << failed << ' ' << std::setw(10) << qoe.mean << ' '
            << std::setw(10) << qoe.median << ' ' << std::setw(10) << qoe.p10 << ' '
            << std::setw(10) << norm.mean;
        if (with_optimal)
        {
            out << ' ' << std::setw(10) << std::setprecision(1) << 100.0 * qoe.mean / optimal_mean
                << "%" << std::setprecision(3);
        }
        out << "\n";
    }
    out << "\n"
        << std::left << std::setw(width) << "abr" << std::setw(20) << "term" << std::right
        << std::setw(14) << "mean" << std::setw(14) << "median" << std::setw(14) << "p10"
        << "\n";
    for (const std::string& abr : abrs)
    {
        for (const std::string& term : ReportTermNames())
        {
            TermStats s = ComputeStats(Collect(results, abr, term));
            if (std::isnan(s.mean))
            {
                continue;
            }
            out << std::left << std::setw(width) << abr << std::setw(20) << term << std::right
                << ' ' << std::setw(13) << s.mean << ' ' << std::setw(13) << s.median << ' '
                << std::setw(13) << s.p10 << "\n";
        }
    }
    for (const BatchResult& r : results)
    {
        if (!r.error.empty())
        {
            out << "failed: " << r.abr << " on " << r.trace_name << " seed " << r.seed << ": "
                << r.error << "\n";
        }
    }
}

void
WriteSessionsCsv(std::ostream& out, const std::vector<BatchResult>& results)
{
    out << "abr,trace,seed,error";
    for (const std::string& term : ReportTermNames())
    {
        out << ',' << term;
    }
    out << '\n';
    out << std::setprecision(10);
    for (const BatchResult& r : results)
    {
        std::string error = r.error;
        std::replace(error.begin(), error.end(), ',', ';');
        std::replace(error.begin(), error.end(), '\n', ' ');
        out << r.abr << ',' << r.trace_name << ',' << r.seed << ',' << error;
        for (const std::string& term : ReportTermNames())
        {
            double v = ReportTerm(r.summary, term);
            out << ',';
            if (r.error.empty() && !std::isnan(v))
            {
                out << v;
            }
        }
        out << '\n';
    }
}

} // namespace ns3
