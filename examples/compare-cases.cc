#include "compare-cases.h"

#include "example-options.h"

#include "ns3/core-module.h"
#include "ns3/layered-video-client-helper.h"
#include "ns3/layered-video-client.h"
#include "ns3/layered-video-server-helper.h"
#include "ns3/session-batch.h"
#include "ns3/trace-driven-bottleneck-helper.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

namespace compare
{

using namespace ns3;

namespace
{
void
SetQueue(TraceDrivenBottleneckHelper& bottleneck, const std::string& disc, const std::string& size)
{
    const QueueSize queueSize = examples::ParseQueueSize("queueSize", size);
    bottleneck.SetShaperAttribute("MaxSize", QueueSizeValue(queueSize));
    std::map<std::string, std::string> types{{"codel", "ns3::CoDelQueueDisc"},
                                             {"fq-codel", "ns3::FqCoDelQueueDisc"},
                                             {"pie", "ns3::PieQueueDisc"}};
    if (types.count(disc))
    {
        bottleneck.SetQueueDisc(types[disc], "MaxSize", QueueSizeValue(queueSize));
    }
}

double
Number(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>()
                                                 : std::numeric_limits<double>::quiet_NaN();
}
} // namespace

std::vector<CompareCase>
ListCases(const CompareConfig& config)
{
    std::vector<CompareCase> cases;
    std::vector<std::string> files = ListTraceFiles(config.tracesPath);
    for (size_t t = 0; t < files.size(); ++t)
    {
        for (uint32_t s = 0; s < config.seeds; ++s)
        {
            for (const std::string& abr : config.abrs)
            {
                CompareCase c;
                c.index = cases.size();
                c.traceIndex = t;
                c.tracePath = files[t];
                c.traceName = std::filesystem::path(files[t]).filename().string();
                c.abr = abr;
                c.seed = config.firstSeed + s;
                cases.push_back(c);
            }
        }
    }
    return cases;
}

std::string
CaseStem(const CompareConfig& config, const CompareCase& c)
{
    return config.out + "/sessions/" + c.abr + "/" + c.traceName + "-s" + std::to_string(c.seed);
}

int
RunCase(const CompareConfig& config, const CompareCase& c)
{
    RngSeedManager::SetRun(c.seed);
    TraceDrivenBottleneckHelper bottleneck;
    bottleneck.SetTracePath(c.tracePath, config.traceFormat);
    bottleneck.SetDelay(MilliSeconds(config.delay_ms));
    bottleneck.SetLossRate(config.loss);
    SetQueue(bottleneck, config.queueDisc, config.queueSize);
    bottleneck.Install(1);

    LayeredVideoServerHelper server(config.profilePath);
    server.SetAttribute("Chunks", UintegerValue(config.chunks));
    server.Install(bottleneck.GetServer());
    LayeredVideoClientHelper client(bottleneck.GetServerAddress(), 80, config.profilePath);
    client.SetAttribute("Abr", StringValue(c.abr));
    client.SetAttribute("Chunks", UintegerValue(config.chunks));
    client.SetAttribute("BufferCap", TimeValue(Seconds(config.bufferCap_s)));
    client.SetAttribute("StartupThreshold", TimeValue(Seconds(config.startup_s)));
    client.SetAttribute("QoeMetric", StringValue(config.qoe));
    client.SetAttribute("Capacity", StringValue(config.capacity));
    client.SetAttribute("ClientSpeed", DoubleValue(config.clientSpeed));
    client.SetAttribute("TraceName", StringValue(c.traceName));
    client.SetAttribute("SummaryPath", StringValue(CaseStem(config, c) + ".json"));
    client.SetAttribute("ChunkLogPath", StringValue(CaseStem(config, c) + ".csv"));
    Ptr<LayeredVideoClient> player =
        DynamicCast<LayeredVideoClient>(client.Install(bottleneck.GetClient(0)).Get(0));
    player->TraceConnectWithoutContext("StateTransition",
                                       MakeCallback(+[](const std::string&, const std::string& to) {
                                           if (to == "Finished" || to == "Failed")
                                           {
                                               Simulator::Stop();
                                           }
                                       }));
    int64_t stream = bottleneck.AssignStreams(0);
    LayeredVideoClientHelper::AssignStreams(bottleneck.GetClients(), stream);
    Simulator::Run();
    bool finished = player->GetState() == LayeredVideoClient::State::Finished;
    Simulator::Destroy();
    return finished ? 0 : 1;
}

size_t
RunCasesLocally(const CompareConfig& config, const std::vector<CompareCase>& cases, unsigned jobs)
{
    std::map<pid_t, size_t> running;
    size_t next = 0;
    size_t done = 0;
    size_t failed = 0;
    auto start = std::chrono::steady_clock::now();
    while (next < cases.size() || !running.empty())
    {
        while (running.size() < std::max(1u, jobs) && next < cases.size())
        {
            std::fflush(nullptr);
            pid_t pid = fork();
            if (pid == 0)
            {
                // A fresh simulator per case: the child has not run one yet.
                _exit(RunCase(config, cases[next]));
            }
            NS_ABORT_MSG_IF(pid < 0, "cannot start a process for case " << next);
            running[pid] = next++;
        }
        int status = 0;
        pid_t pid = wait(&status);
        if (pid < 0)
        {
            break;
        }
        const CompareCase& c = cases[running[pid]];
        running.erase(pid);
        bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        failed += ok ? 0 : 1;
        double wall_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cerr << "[" << ++done << "/" << cases.size() << ", " << static_cast<int>(wall_s)
                  << " s] " << c.abr << " " << c.traceName << " seed " << c.seed
                  << (ok ? "" : " FAILED") << "\n";
    }
    return failed;
}

std::vector<BatchResult>
CollectResults(const CompareConfig& config, const std::vector<CompareCase>& cases)
{
    std::vector<BatchResult> results;
    for (const CompareCase& c : cases)
    {
        BatchResult r;
        r.trace_index = c.traceIndex;
        r.trace_name = c.traceName;
        r.abr = c.abr;
        r.seed = c.seed;
        std::ifstream in(CaseStem(config, c) + ".json");
        nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
        if (!in || j.is_discarded())
        {
            r.error = "no result (" + CaseStem(config, c) + ".json)";
            results.push_back(r);
            continue;
        }
        if (j["meta"].contains("error"))
        {
            r.error = j["meta"]["error"].get<std::string>();
        }
        QoeSummary& s = r.summary;
        s.qoe = Number(j, "qoe");
        s.normalized_qoe = Number(j, "normalized_qoe");
        s.utility = Number(j, "utility");
        s.rebuffer_penalty = Number(j, "rebuffer_penalty");
        s.smoothness_penalty = Number(j, "smoothness_penalty");
        s.startup_penalty = Number(j, "startup_penalty");
        s.startup_delay_s = Number(j, "startup_delay_s");
        s.stall_s = Number(j, "stall_s");
        s.stall_count = static_cast<uint32_t>(Number(j, "stall_count"));
        s.switches = static_cast<uint32_t>(Number(j, "switches"));
        s.chunks_played = static_cast<uint32_t>(Number(j, "chunks_played"));
        s.mean_level = Number(j, "mean_level");
        s.mean_bitrate_bps = Number(j, "mean_bitrate_bps");
        s.mean_psnr_db = Number(j, "mean_psnr_db");
        s.mean_ssim = Number(j, "mean_ssim");
        s.bytes = static_cast<uint64_t>(Number(j, "bytes"));
        s.wasted_bytes = static_cast<uint64_t>(Number(j, "wasted_bytes"));
        s.upgrades = static_cast<uint32_t>(Number(j, "upgrades"));
        results.push_back(r);
    }
    return results;
}

std::string
CaseCommand(const std::string& program,
            const std::vector<std::string>& arguments,
            const std::string& index)
{
    std::string line = program;
    for (const std::string& a : arguments)
    {
        line += " '" + a + "'";
    }
    return line + " --case=" + index;
}

} // namespace compare
