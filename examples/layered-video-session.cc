// One adaptive video session over a trace-driven bottleneck: a LayeredVideoServer and a
// LayeredVideoClient over ns-3 TCP. Prints the QoE summary and writes the per-chunk CSV and
// the session JSON.
//
//   layered-video-session --profile=../shared/profiles/pensieve-envivio
//       --trace=../shared/traces/pensieve-test/norway_bus_1 --abr=robust-mpc --out=results/one
//
// Every setting is a command-line argument (--help lists them); --RngRun selects the run.
#include "example-options.h"

#include "ns3/core-module.h"
#include "ns3/layered-video-client-helper.h"
#include "ns3/layered-video-client.h"
#include "ns3/layered-video-server-helper.h"
#include "ns3/streaming-session.h"
#include "ns3/trace-driven-bottleneck-helper.h"
#include "ns3/video-profile.h"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>

#ifndef LAYERED_VIDEO_SHARED_DIR
#define LAYERED_VIDEO_SHARED_DIR "../shared"
#endif

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LayeredVideoSession");

namespace
{
/// The discipline in front of the bottleneck, by short name.
void
SetQueue(TraceDrivenBottleneckHelper& bottleneck, const std::string& aqm, const QueueSize& size)
{
    bottleneck.SetShaperAttribute("MaxSize", QueueSizeValue(size));
    if (aqm == "codel")
    {
        bottleneck.SetQueueDisc("ns3::CoDelQueueDisc", "MaxSize", QueueSizeValue(size));
    }
    else if (aqm == "fq-codel")
    {
        bottleneck.SetQueueDisc("ns3::FqCoDelQueueDisc", "MaxSize", QueueSizeValue(size));
    }
    else if (aqm == "pie")
    {
        bottleneck.SetQueueDisc("ns3::PieQueueDisc", "MaxSize", QueueSizeValue(size));
    }
}

int
Run(int argc, char* argv[])
{
    std::string profilePath = std::string(LAYERED_VIDEO_SHARED_DIR) + "/profiles/pensieve-envivio";
    std::string tracePath =
        std::string(LAYERED_VIDEO_SHARED_DIR) + "/traces/pensieve-test/norway_bus_1";
    std::string traceFormat = "auto";
    std::string uplinkTrace;
    std::string abr = "bba";
    uint32_t chunks = 0;
    double bufferCap_s = 60;
    double startup_s = 0;
    std::string qoe = "linear";
    std::string capacity;
    double clientSpeed = 1;
    double delay_ms = 40;
    std::string queueSizeText = "100p";
    std::string queueDisc = "fifo";
    double loss = 0;
    double traceOffset_s = 0;
    std::string out;

    examples::ExampleOptions options(
        __FILE__,
        "One adaptive video session over a trace-driven bottleneck (HTTP/1.1 over ns-3 TCP); "
        "prints the QoE summary and writes the per-chunk CSV and session JSON. Exit status: 0 "
        "when the session played to its end, 1 when it failed, 2 on bad options or input.");
    options.Text("profile",
                 "video profile (JSON v1, Sabre manifest, Pensieve folder)",
                 profilePath);
    options.Text("trace", "downlink bandwidth trace file", tracePath);
    options.Text("traceFormat",
                 "auto, pensieve, mahimahi, sabre, csv or belgium",
                 traceFormat,
                 {"auto", "pensieve", "mahimahi", "sabre", "csv", "belgium"});
    options.Text("uplinkTrace", "uplink bandwidth trace (empty: uplink not shaped)", uplinkTrace);
    options.Text("abr",
                 "throughput, bba, bola, bola-fs, robust-mpc, layered-buffer, layered-throughput, "
                 "or learned:POLICY_FILE (a policy made by abr-train)",
                 abr);
    options.Count("chunks",
                  "session length in chunks (the profile repeats); 0: its own",
                  chunks,
                  0,
                  static_cast<uint32_t>(kMaxSessionChunks));
    options.Number("bufferCap", "buffer cap (s)", bufferCap_s, 1e-3, 1e6);
    options.Number("startup", "video buffered before playback starts (s)", startup_s, 0, 1e6);
    options.Text("qoe",
                 "QoE quality term: linear, log, psnr or ssim",
                 qoe,
                 {"linear", "log", "psnr", "ssim"});
    options.Text("capacity", "decoder compute capacity: empty, swift, or a CSV file", capacity);
    options.Number("clientSpeed",
                   "the client decodes this many times as fast as the profiled machine",
                   clientSpeed,
                   1e-3,
                   1e6);
    options.Number("delay", "one-way propagation delay of the bottleneck (ms)", delay_ms, 0, 1e4);
    options.Text("queueSize", "bottleneck queue size (e.g. 100p, 150000B)", queueSizeText);
    options.Text("queueDisc",
                 "bottleneck queue discipline: fifo, codel, fq-codel, pie",
                 queueDisc,
                 {"fifo", "codel", "fq-codel", "pie"});
    options.Number("loss",
                   "random packet loss on the downlink (probability, 0..0.9)",
                   loss,
                   0,
                   0.9);
    options.Number("traceOffset", "start this far into the trace (s)", traceOffset_s, 0, 1e9);
    options.Text("out", "folder for the per-chunk CSV and the session JSON (empty: none)", out);
    options.Parse(argc, argv);
    const QueueSize queueSize = examples::ParseQueueSize("queueSize", queueSizeText);
    if (!out.empty())
    {
        CheckOutputFolder("--out", out);
    }

    // Inputs read and the client's settings checked before the simulation is built.
    auto profile = std::make_shared<const VideoProfile>(VideoProfile::Load(profilePath));
    examples::CheckClientSettings(profile, "abr", abr, chunks, capacity, clientSpeed);
    TraceDrivenBottleneckHelper bottleneck;
    const TraceFormat format = ParseTraceFormat(traceFormat);
    bottleneck.SetTrace(
        std::make_shared<const BandwidthTrace>(BandwidthTrace::Load(tracePath, format)));
    if (!uplinkTrace.empty())
    {
        bottleneck.SetUplinkTrace(
            std::make_shared<const BandwidthTrace>(BandwidthTrace::Load(uplinkTrace, format)));
    }
    bottleneck.SetDelay(MilliSeconds(delay_ms));
    bottleneck.SetLossRate(loss);
    bottleneck.SetShaperAttribute("TraceOffset", TimeValue(Seconds(traceOffset_s)));
    SetQueue(bottleneck, queueDisc, queueSize);
    bottleneck.Install(1);

    LayeredVideoServerHelper server(profile);
    server.SetAttribute("Chunks", UintegerValue(chunks));
    server.Install(bottleneck.GetServer());

    std::string traceName = std::filesystem::path(tracePath).filename().string();
    LayeredVideoClientHelper client(bottleneck.GetServerAddress(), 80, profile);
    client.SetAttribute("Abr", StringValue(abr));
    client.SetAttribute("Chunks", UintegerValue(chunks));
    client.SetAttribute("BufferCap", TimeValue(Seconds(bufferCap_s)));
    client.SetAttribute("StartupThreshold", TimeValue(Seconds(startup_s)));
    client.SetAttribute("QoeMetric", StringValue(qoe));
    client.SetAttribute("Capacity", StringValue(capacity));
    client.SetAttribute("ClientSpeed", DoubleValue(clientSpeed));
    client.SetAttribute("TraceName", StringValue(traceName));
    if (!out.empty())
    {
        std::string stem =
            out + "/" + abr + "-" + traceName + "-r" + std::to_string(RngSeedManager::GetRun());
        client.SetAttribute("ChunkLogPath", StringValue(stem + ".csv"));
        client.SetAttribute("SummaryPath", StringValue(stem + ".json"));
    }
    ApplicationContainer apps = client.Install(bottleneck.GetClient(0));
    Ptr<LayeredVideoClient> player = DynamicCast<LayeredVideoClient>(apps.Get(0));
    // The session is over once the client has played everything (or failed): stop there
    // rather than run TCP's closing timers.
    player->TraceConnectWithoutContext("StateTransition",
                                       MakeCallback(+[](const std::string&, const std::string& to) {
                                           if (to == "Finished" || to == "Failed")
                                           {
                                               Simulator::Stop();
                                           }
                                       }));
    int64_t stream = bottleneck.AssignStreams(0);
    LayeredVideoClientHelper::AssignStreams(bottleneck.GetClients(), stream);

    auto wall = std::chrono::steady_clock::now();
    Simulator::Run();
    double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    Time end = Simulator::Now();
    Simulator::Destroy();

    const VideoProfile& played = player->GetSession()->Profile();
    QoeSummary s = player->GetSummary();
    std::cout << "profile " << played.GetVideo().name << " ("
              << (played.IsLayered() ? "layered" : "ladder") << ", " << played.GetChunkCount()
              << " chunks x " << played.GetLevelCount() << " levels), trace " << traceName
              << ", ABR " << abr << ", run " << RngSeedManager::GetRun() << "\n";
    std::cout << "state " << VideoPlayer::StateName(player->GetState())
              << (player->GetError().empty() ? "" : ": " + player->GetError()) << "\n\n";
    std::cout << std::fixed << std::setprecision(3);
    auto row = [](const std::string& name, double value) {
        std::cout << "  " << std::left << std::setw(20) << name << std::right << std::setw(14)
                  << value << "\n";
    };
    row("qoe", s.qoe);
    row("normalized_qoe", s.normalized_qoe);
    row("utility", s.utility);
    row("rebuffer_penalty", s.rebuffer_penalty);
    row("smoothness_penalty", s.smoothness_penalty);
    row("startup_penalty", s.startup_penalty);
    row("startup_delay_s", s.startup_delay_s);
    row("stall_s", s.stall_s);
    row("stall_count", s.stall_count);
    row("switches", s.switches);
    row("chunks_played", s.chunks_played);
    row("mean_bitrate_mbps", s.mean_bitrate_bps / 1e6);
    row("bytes_mb", s.bytes / 1e6);
    row("wasted_mb", s.wasted_bytes / 1e6);
    std::cout << "\nsimulated " << end.GetSeconds() << " s in " << wall_s << " s of wall time\n";
    return player->GetState() == LayeredVideoClient::State::Finished ? 0 : 1;
}
} // namespace

int
main(int argc, char* argv[])
{
    return examples::RunExample("layered-video-session", [&] { return Run(argc, argv); });
}
