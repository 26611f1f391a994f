// N video clients sharing one trace-driven bottleneck, with optional cross traffic (bulk TCP
// or on-off UDP). Reports each client's QoE and throughput, and Jain's fairness index of the
// clients' throughputs.
//
//   layered-video-clients --clients=6 --abrs=bba,robust-mpc --rate=12 --cross=bulk
//
// --rate (Mbit/s) gives a constant-rate bottleneck; --trace a trace file instead.
#include "example-options.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/input-error.h"
#include "ns3/internet-module.h"
#include "ns3/layered-video-client-helper.h"
#include "ns3/layered-video-client.h"
#include "ns3/layered-video-server-helper.h"
#include "ns3/streaming-session.h"
#include "ns3/trace-driven-bottleneck-helper.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

#ifndef LAYERED_VIDEO_SHARED_DIR
#define LAYERED_VIDEO_SHARED_DIR "../shared"
#endif

using namespace ns3;

namespace
{
std::vector<std::string>
SplitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
    {
        if (!item.empty())
        {
            items.push_back(item);
        }
    }
    return items;
}

double
JainIndex(const std::vector<double>& x)
{
    double sum = 0;
    double squares = 0;
    for (double v : x)
    {
        sum += v;
        squares += v * v;
    }
    return squares > 0 ? sum * sum / (x.size() * squares) : 0;
}

int
Run(int argc, char* argv[])
{
    std::string profilePath = std::string(LAYERED_VIDEO_SHARED_DIR) + "/profiles/pensieve-envivio";
    uint32_t clients = 4;
    std::string abrList = "bba,robust-mpc,bola,throughput";
    double rate_mbps = 10;
    std::string tracePath;
    uint32_t chunks = 0;
    double bufferCap_s = 60;
    double delay_ms = 40;
    std::string queueSizeText = "100p";
    std::string cross = "none";
    uint32_t crossFlows = 1;
    double crossRate_mbps = 2;
    double startSpread_s = 0;

    examples::ExampleOptions options(
        __FILE__,
        "N adaptive video clients sharing one bottleneck, optionally with cross traffic; "
        "prints each client's QoE and Jain's fairness index of their throughputs. Exit status: "
        "0 when every client played its session, 1 when one failed, 2 on bad options.");
    options.Text("profile", "video profile", profilePath);
    options.Count("clients", "number of video clients (1..1000)", clients, 1, 1000);
    options.Text("abrs", "ABRs, comma-separated, given to the clients in turn", abrList);
    options.Number("rate",
                   "constant bottleneck rate (Mbit/s) when no --trace is given",
                   rate_mbps,
                   1e-3,
                   1e5);
    options.Text("trace", "bandwidth trace of the bottleneck (instead of --rate)", tracePath);
    options.Count("chunks",
                  "session length in chunks (the profile repeats); 0: its own",
                  chunks,
                  0,
                  static_cast<uint32_t>(kMaxSessionChunks));
    options.Number("bufferCap", "buffer cap (s)", bufferCap_s, 1e-3, 1e6);
    options.Number("delay", "one-way propagation delay of the bottleneck (ms)", delay_ms, 0, 1e4);
    options.Text("queueSize", "bottleneck queue size (e.g. 100p, 150000B)", queueSizeText);
    options.Text("cross",
                 "cross traffic: none, bulk (TCP) or onoff (UDP)",
                 cross,
                 {"none", "bulk", "onoff"});
    options.Count("crossFlows", "number of cross-traffic flows (1..1000)", crossFlows, 1, 1000);
    options.Number("crossRate", "on-off UDP: rate while on (Mbit/s)", crossRate_mbps, 1e-3, 1e5);
    options.Number("startSpread",
                   "clients start uniformly over [0, this] seconds",
                   startSpread_s,
                   0,
                   1e6);
    options.Parse(argc, argv);
    std::vector<std::string> abrs = SplitList(abrList);
    if (abrs.empty())
    {
        throw InputError("--abrs: no ABR given");
    }
    const QueueSize queueSize = examples::ParseQueueSize("queueSize", queueSizeText);
    // Inputs read and every client's settings checked before the simulation is built.
    auto profile = std::make_shared<const VideoProfile>(VideoProfile::Load(profilePath));
    for (const std::string& abr : abrs)
    {
        examples::CheckClientSettings(profile, "abrs", abr, chunks, "", 1);
    }
    TraceDrivenBottleneckHelper bottleneck;
    bottleneck.SetTrace(std::make_shared<const BandwidthTrace>(
        tracePath.empty() ? BandwidthTrace::Constant(rate_mbps * 1e6)
                          : BandwidthTrace::Load(tracePath, TraceFormat::Auto)));
    bottleneck.SetDelay(MilliSeconds(delay_ms));
    bottleneck.SetShaperAttribute("MaxSize", QueueSizeValue(queueSize));
    uint32_t crossNodes = cross == "none" ? 0 : crossFlows;
    bottleneck.Install(clients + crossNodes);

    LayeredVideoServerHelper server(profile);
    server.SetAttribute("Chunks", UintegerValue(chunks));
    server.Install(bottleneck.GetServer());
    LayeredVideoClientHelper helper(bottleneck.GetServerAddress(), 80, profile);
    helper.SetAttribute("Chunks", UintegerValue(chunks));
    helper.SetAttribute("BufferCap", TimeValue(Seconds(bufferCap_s)));
    std::vector<Ptr<LayeredVideoClient>> players;
    auto remaining = std::make_shared<uint32_t>(clients);
    for (uint32_t i = 0; i < clients; ++i)
    {
        helper.SetAttribute("Abr", StringValue(abrs[i % abrs.size()]));
        ApplicationContainer app = helper.Install(bottleneck.GetClient(i));
        app.Start(Seconds(clients > 1 ? startSpread_s * i / (clients - 1) : 0));
        players.push_back(DynamicCast<LayeredVideoClient>(app.Get(0)));
        players.back()->TraceConnectWithoutContext(
            "StateTransition",
            MakeBoundCallback(
                +[](std::shared_ptr<uint32_t> left, const std::string&, const std::string& to) {
                    if ((to == "Finished" || to == "Failed") && --*left == 0)
                    {
                        Simulator::Stop();
                    }
                },
                remaining));
    }

    ApplicationContainer sinks;
    for (uint32_t k = 0; k < crossNodes; ++k)
    {
        Ptr<Node> node = bottleneck.GetClient(clients + k);
        uint16_t port = 9000 + k;
        std::string factory = cross == "bulk" ? "ns3::TcpSocketFactory" : "ns3::UdpSocketFactory";
        sinks.Add(PacketSinkHelper(factory, InetSocketAddress(Ipv4Address::GetAny(), port))
                      .Install(node));
        Address to = InetSocketAddress(bottleneck.GetClientAddress(clients + k), port);
        if (cross == "bulk")
        {
            BulkSendHelper bulk(factory, to);
            bulk.Install(bottleneck.GetServer());
        }
        else
        {
            OnOffHelper onoff(factory, to);
            onoff.SetConstantRate(DataRate(crossRate_mbps * 1e6));
            onoff.SetAttribute("OnTime", StringValue("ns3::ExponentialRandomVariable[Mean=2]"));
            onoff.SetAttribute("OffTime", StringValue("ns3::ExponentialRandomVariable[Mean=2]"));
            onoff.Install(bottleneck.GetServer());
        }
    }
    int64_t stream = bottleneck.AssignStreams(0);
    LayeredVideoClientHelper::AssignStreams(bottleneck.GetClients(), stream);

    auto wall = std::chrono::steady_clock::now();
    Simulator::Run();
    double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    double end_s = Simulator::Now().GetSeconds();

    std::ostringstream link;
    link << rate_mbps << " Mbit/s";
    std::cout << clients << " clients on " << (tracePath.empty() ? link.str() : tracePath)
              << ", cross traffic: " << cross
              << (crossNodes ? " x " + std::to_string(crossNodes) : "") << ", run "
              << RngSeedManager::GetRun() << "\n\n";
    std::cout << std::left << std::setw(7) << "client" << std::setw(20) << "abr" << std::right
              << std::setw(10) << "qoe" << std::setw(10) << "bitrate" << std::setw(9) << "stall_s"
              << std::setw(9) << "switches" << std::setw(12) << "throughput"
              << "  state\n";
    std::vector<double> throughput;
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ptr<LayeredVideoClient> p = players[i];
        QoeSummary s = p->GetSummary();
        const auto& downloads = p->GetSession()->Downloads();
        double active_s =
            downloads.empty() ? 0 : downloads.back().end_s - downloads.front().request_s;
        throughput.push_back(active_s > 0 ? s.bytes * 8 / active_s : 0);
        std::cout << std::left << std::setw(7) << i << std::setw(20) << abrs[i % abrs.size()]
                  << std::right << std::fixed << std::setprecision(2) << std::setw(10) << s.qoe
                  << std::setw(10) << s.mean_bitrate_bps / 1e6 << std::setw(9) << s.stall_s
                  << std::setw(9) << s.switches << std::setw(12) << throughput.back() / 1e6 << "  "
                  << VideoPlayer::StateName(p->GetState()) << "\n";
    }
    std::cout << "\n(bitrate and throughput in Mbit/s; throughput = bytes / the client's "
                 "downloading period)\n";
    std::cout << "Jain's fairness index of the clients' throughputs: " << std::setprecision(4)
              << JainIndex(throughput) << "\n";
    for (uint32_t k = 0; k < crossNodes; ++k)
    {
        double bytes = DynamicCast<PacketSink>(sinks.Get(k))->GetTotalRx();
        std::cout << "cross flow " << k << ": " << std::setprecision(2) << bytes * 8 / end_s / 1e6
                  << " Mbit/s\n";
    }
    std::cout << "\nsimulated " << std::setprecision(1) << end_s << " s in " << wall_s
              << " s of wall time\n";
    Simulator::Destroy();
    for (const Ptr<LayeredVideoClient>& p : players)
    {
        if (p->GetState() != LayeredVideoClient::State::Finished)
        {
            return 1;
        }
    }
    return 0;
}
} // namespace

int
main(int argc, char* argv[])
{
    return examples::RunExample("layered-video-clients", [&] { return Run(argc, argv); });
}
