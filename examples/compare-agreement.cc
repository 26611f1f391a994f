#include "compare-agreement.h"

#include "ns3/session-batch.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>

namespace compare
{

using namespace ns3;

namespace
{
constexpr double kRttFrom_ms = 40;
constexpr double kRttTo_ms = 200;
constexpr double kRttStep_ms = 10;
constexpr double kRatioFrom = 0.90;
constexpr double kRatioTo = 1.0;
constexpr double kRatioStep = 0.01;
} // namespace

std::vector<BatchResult>
RunChunkLevel(const CompareConfig& config, double rtt_s, double payloadRatio, unsigned threads)
{
    VideoProfile profile = VideoProfile::Load(config.profilePath);
    if (config.chunks > 0)
    {
        profile = profile.Looped(config.chunks);
    }
    if (config.clientSpeed != 1)
    {
        profile = profile.WithClientSpeed(config.clientSpeed);
    }
    BatchOptions options;
    options.sim.rtt_s = rtt_s;
    options.sim.payload_ratio = payloadRatio;
    options.sim.session.limits.buffer_cap_s = config.bufferCap_s;
    options.sim.session.buffer.startup_threshold_s = config.startup_s;
    options.qoe.metric = ParseQoeMetric(config.qoe);
    options.capacity = config.capacity;
    options.threads = threads;
    std::vector<uint64_t> seeds;
    for (uint32_t s = 0; s < config.seeds; ++s)
    {
        seeds.push_back(config.firstSeed + s);
    }
    return RunBatch(profile,
                    LoadTraces(config.tracesPath, ParseTraceFormat(config.traceFormat)),
                    config.abrs,
                    seeds,
                    options);
}

Gap
ComputeGap(const std::vector<BatchResult>& packet,
           const std::vector<BatchResult>& chunk,
           const std::string& abr)
{
    Gap g;
    std::vector<double> abs;
    std::vector<double> rel;
    double sum = 0;
    for (size_t i = 0; i < std::min(packet.size(), chunk.size()); ++i)
    {
        const BatchResult& p = packet[i];
        const BatchResult& c = chunk[i];
        if ((!abr.empty() && p.abr != abr) || !p.error.empty() || !c.error.empty())
        {
            continue;
        }
        double gap = p.summary.qoe - c.summary.qoe;
        abs.push_back(std::fabs(gap));
        rel.push_back(100 * std::fabs(gap) / std::max(std::fabs(c.summary.qoe), 1e-9));
        sum += gap;
        if (std::fabs(gap) >= g.worstAbs)
        {
            g.worstAbs = std::fabs(gap);
            g.worstTrace = p.trace_name + " (" + p.abr + ")";
        }
    }
    g.sessions = abs.size();
    if (!abs.empty())
    {
        g.medianAbs = Percentile(abs, 50);
        g.p90Abs = Percentile(abs, 90);
        g.meanSigned = sum / abs.size();
        g.medianRelPct = Percentile(rel, 50);
    }
    return g;
}

void
PrintAgreement(std::ostream& out,
               const std::vector<BatchResult>& packet,
               const std::vector<BatchResult>& chunk,
               const std::vector<std::string>& abrs)
{
    out << std::left << std::setw(20) << "abr" << std::right << std::setw(9) << "sessions"
        << std::setw(12) << "median|gap|" << std::setw(10) << "p90|gap|" << std::setw(11)
        << "worst|gap|" << std::setw(11) << "mean gap" << std::setw(12) << "median rel"
        << "  worst case\n";
    std::vector<std::string> rows = abrs;
    rows.push_back("");
    for (const std::string& abr : rows)
    {
        Gap g = ComputeGap(packet, chunk, abr);
        out << std::left << std::setw(20) << (abr.empty() ? "all" : abr) << std::right << std::fixed
            << std::setprecision(2) << std::setw(9) << g.sessions << std::setw(12) << g.medianAbs
            << std::setw(10) << g.p90Abs << std::setw(11) << g.worstAbs << std::setw(11)
            << g.meanSigned << std::setw(11) << g.medianRelPct << "%  " << g.worstTrace << "\n";
    }
}

void
WriteAgreementCsv(const std::string& path,
                  const std::vector<BatchResult>& packet,
                  const std::vector<BatchResult>& chunk)
{
    std::ofstream out(path);
    out << "abr,trace,seed,qoe_packet,qoe_chunk,gap,error\n";
    out.precision(9);
    for (size_t i = 0; i < std::min(packet.size(), chunk.size()); ++i)
    {
        const BatchResult& p = packet[i];
        const BatchResult& c = chunk[i];
        out << p.abr << ',' << p.trace_name << ',' << p.seed << ',' << p.summary.qoe << ','
            << c.summary.qoe << ',' << p.summary.qoe - c.summary.qoe << ','
            << (p.error.empty() ? c.error : p.error) << '\n';
    }
}

std::pair<double, double>
Calibrate(std::ostream& out,
          const CompareConfig& config,
          const std::vector<BatchResult>& packet,
          unsigned threads)
{
    struct Point
    {
        double rtt_ms;
        double ratio;
        Gap gap;
    };

    std::vector<Point> points;
    for (double rtt = kRttFrom_ms; rtt <= kRttTo_ms + 1e-9; rtt += kRttStep_ms)
    {
        for (double ratio = kRatioFrom; ratio <= kRatioTo + 1e-9; ratio += kRatioStep)
        {
            auto chunk = RunChunkLevel(config, rtt / 1000, ratio, threads);
            points.push_back({rtt, ratio, ComputeGap(packet, chunk, "")});
        }
    }
    std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
        return a.gap.medianAbs < b.gap.medianAbs;
    });
    out << "calibration: per-request RTT x payload ratio, by median |gap| over all sessions\n";
    out << std::setw(8) << "rtt_ms" << std::setw(8) << "ratio" << std::setw(12) << "median|gap|"
        << std::setw(10) << "p90|gap|" << std::setw(11) << "worst|gap|" << std::setw(11)
        << "mean gap\n";
    for (size_t i = 0; i < std::min<size_t>(8, points.size()); ++i)
    {
        const Point& p = points[i];
        out << std::fixed << std::setprecision(0) << std::setw(8) << p.rtt_ms
            << std::setprecision(2) << std::setw(8) << p.ratio << std::setw(12) << p.gap.medianAbs
            << std::setw(10) << p.gap.p90Abs << std::setw(11) << p.gap.worstAbs << std::setw(11)
            << p.gap.meanSigned << "\n";
    }
    return {points.front().rtt_ms / 1000, points.front().ratio};
}

} // namespace compare
