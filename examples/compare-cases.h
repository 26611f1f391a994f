// Cases of the layered-video-compare example: traces x ABRs x seeds, each one ns-3 simulation
// whose results are files (so that cases can run in parallel processes or as a job array).
#ifndef LAYERED_VIDEO_COMPARE_CASES_H
#define LAYERED_VIDEO_COMPARE_CASES_H

#include "ns3/batch-report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace compare
{

/// Everything a case needs, from the command line.
struct CompareConfig
{
    std::string profilePath;
    std::string tracesPath;
    std::string traceFormat = "auto";
    std::vector<std::string> abrs;
    uint32_t seeds = 1;
    uint32_t firstSeed = 1;
    uint32_t chunks = 0;
    double bufferCap_s = 60;
    double startup_s = 0;
    std::string qoe = "linear";
    std::string capacity;
    double clientSpeed = 1;
    double delay_ms = 40;
    std::string queueSize = "100p";
    std::string queueDisc = "fifo";
    double loss = 0;
    std::string out = "results/compare";
};

/// One session: a trace, an ABR and a seed (the ns-3 run number).
struct CompareCase
{
    size_t index = 0;
    size_t traceIndex = 0;
    std::string tracePath;
    std::string traceName;
    std::string abr;
    uint32_t seed = 1;
};

/// The cases in RunBatch's order (for each trace, for each seed, for each ABR).
std::vector<CompareCase> ListCases(const CompareConfig& config);

/// Where a case writes its files, without the extension (.json summary, .csv chunk log).
std::string CaseStem(const CompareConfig& config, const CompareCase& c);

/// Runs one case (one ns-3 simulation in this process); returns 0 when the session finished.
int RunCase(const CompareConfig& config, const CompareCase& c);

/// Runs cases in up to `jobs` child processes at a time; returns how many failed.
size_t RunCasesLocally(const CompareConfig& config,
                       const std::vector<CompareCase>& cases,
                       unsigned jobs);

/// Reads the cases' summaries back (a missing or failed one has its error set).
std::vector<ns3::BatchResult> CollectResults(const CompareConfig& config,
                                             const std::vector<CompareCase>& cases);

/// The command line that runs case `index` (for GNU parallel and SLURM job lists).
std::string CaseCommand(const std::string& program,
                        const std::vector<std::string>& arguments,
                        const std::string& index);

} // namespace compare

#endif // LAYERED_VIDEO_COMPARE_CASES_H
