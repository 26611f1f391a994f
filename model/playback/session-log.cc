#include "session-log.h"

#include "streaming-session.h"

#include "ns3/video-profile.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace ns3
{

std::string
ChunkLogHeader()
{
    return "event,time_s,chunk,level,from_level,bytes,request_s,first_byte_s,end_s,throughput_bps,"
           "accepted,buffer_s,decode_start_s,decode_end_s,exit,stall_before_s,utility";
}

void
WriteChunkLog(std::ostream& out, const StreamingSession& session)
{
    struct Row
    {
        double time_s;
        int order; // downloads before plays at equal times
        std::string text;
    };

    std::vector<Row> rows;
    const auto& downloads = session.Downloads();
    const auto& buffer_after = session.BufferAfterDownload_s();
    for (std::size_t i = 0; i < downloads.size(); ++i)
    {
        const DownloadRecord& d = downloads[i];
        std::ostringstream row;
        row.precision(9);
        row << "download," << d.end_s << ',' << d.chunk << ',' << d.to_level << ',' << d.from_level
            << ',' << d.bytes << ',' << d.request_s << ',' << d.first_byte_s << ',' << d.end_s
            << ',' << d.Throughput_bps() << ',' << (d.accepted ? 1 : 0) << ',' << buffer_after[i]
            << ",,,,,";
        rows.push_back({d.end_s, 0, row.str()});
    }
    const PlaybackBuffer& buffer = session.Buffer();
    for (std::uint32_t c = 0; c < buffer.GetChunkCount(); ++c)
    {
        const ChunkRecord& r = buffer.GetChunk(c);
        if (r.play_start_s < 0)
        {
            continue;
        }
        std::ostringstream row;
        row.precision(9);
        row << "play," << r.play_start_s << ',' << c << ',' << r.decoded_level << ",,"
            << session.Profile().LevelBytes(c, r.decoded_level) << ",,,,,,," << r.decode_start_s
            << ',' << r.decode_end_s << ',' << r.exit << ',' << r.stall_before_s << ','
            << session.Qoe().Utility(c, r.decoded_level, r.exit);
        rows.push_back({r.play_start_s, 1, row.str()});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.time_s < b.time_s || (a.time_s == b.time_s && a.order < b.order);
    });
    out << ChunkLogHeader() << '\n';
    for (const Row& r : rows)
    {
        out << r.text << '\n';
    }
}

void
WriteSessionSummary(std::ostream& out,
                    const QoeSummary& s,
                    const QoeModel& qoe,
                    const std::map<std::string, std::string>& meta)
{
    nlohmann::ordered_json j;
    j["meta"] = meta;
    auto number = [](double v) {
        return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json();
    };
    j["qoe_metric"] = QoeMetricName(qoe.GetMetric());
    j["weights"] = {{"rebuffer_per_s", qoe.GetRebufferPenalty()},
                    {"smoothness", qoe.GetSmoothnessPenalty()},
                    {"startup_per_s", qoe.GetStartupPenalty()}};
    j["qoe"] = number(s.qoe);
    j["normalized_qoe"] = number(s.normalized_qoe);
    j["utility"] = number(s.utility);
    j["rebuffer_penalty"] = number(s.rebuffer_penalty);
    j["smoothness_penalty"] = number(s.smoothness_penalty);
    j["startup_penalty"] = number(s.startup_penalty);
    j["startup_delay_s"] = number(s.startup_delay_s);
    j["stall_s"] = number(s.stall_s);
    j["stall_count"] = s.stall_count;
    j["switches"] = s.switches;
    j["chunks_played"] = s.chunks_played;
    j["mean_level"] = number(s.mean_level);
    j["mean_bitrate_bps"] = number(s.mean_bitrate_bps);
    j["mean_psnr_db"] = number(s.mean_psnr_db);
    j["mean_ssim"] = number(s.mean_ssim);
    j["bytes"] = s.bytes;
    j["wasted_bytes"] = s.wasted_bytes;
    j["upgrades"] = s.upgrades;
    out << j.dump(2) << '\n';
}

} // namespace ns3
