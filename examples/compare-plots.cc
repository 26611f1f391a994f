#include "compare-plots.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace compare
{

namespace
{
/// Runs gnuplot on a script that writes `png`; returns whether it worked. A failed run leaves
/// no image behind (gnuplot creates the file before it plots).
bool
Gnuplot(const std::string& script, const std::string& png)
{
    const bool found = std::system("command -v gnuplot > /dev/null 2>&1") == 0;
    int rc = found ? std::system(("gnuplot '" + script + "' 2>/dev/null").c_str()) : -1;
    if (rc != 0)
    {
        std::error_code ignored;
        std::filesystem::remove(png, ignored);
        std::cerr << "layered-video-compare: "
                  << (found ? "gnuplot failed on " + script : std::string("no gnuplot installed"))
                  << ": " << png << " not drawn\n";
    }
    return rc == 0;
}

std::vector<std::string>
SplitCsv(const std::string& line)
{
    std::vector<std::string> fields;
    std::stringstream in(line);
    for (std::string f; std::getline(in, f, ',');)
    {
        fields.push_back(f);
    }
    return fields;
}
} // namespace

std::string
PlotQoeCdf(const std::string& outDir,
           const std::vector<ns3::BatchResult>& results,
           const std::vector<std::string>& abrs)
{
    std::string data = outDir + "/plot-data";
    std::filesystem::create_directories(data);
    std::ostringstream plot;
    for (const std::string& abr : abrs)
    {
        std::vector<double> qoe;
        for (const auto& r : results)
        {
            if (r.abr == abr && r.error.empty() && std::isfinite(r.summary.qoe))
            {
                qoe.push_back(r.summary.qoe);
            }
        }
        if (qoe.empty())
        {
            continue; // no finished session of this ABR: nothing to draw
        }
        std::sort(qoe.begin(), qoe.end());
        std::ofstream f(data + "/cdf-" + abr + ".dat");
        for (size_t i = 0; i < qoe.size(); ++i)
        {
            f << qoe[i] << " " << (i + 1.0) / qoe.size() << "\n";
        }
        plot << (plot.tellp() > 0 ? ", " : "") << "'" << data << "/cdf-" << abr
             << ".dat' using 1:2 with steps lw 2 title '" << abr << "'";
    }
    std::string png = outDir + "/qoe-cdf.png";
    if (plot.tellp() == 0)
    {
        std::cerr << "layered-video-compare: no session finished: " << png << " not drawn\n";
        return "";
    }
    std::string script = data + "/qoe-cdf.gp";
    std::ofstream(script) << "set terminal pngcairo size 900,600 noenhanced\n"
                          << "set output '" << png << "'\n"
                          << "set title 'QoE per session (ns-3 packet level), CDF'\n"
                          << "set xlabel 'QoE per session'\nset ylabel 'fraction of sessions'\n"
                          << "set key bottom right\nset grid\nset yrange [0:1]\nplot " << plot.str()
                          << "\n";
    return Gnuplot(script, png) ? png : "";
}

std::string
PlotTimeline(const std::string& outDir,
             const ns3::BandwidthTrace& trace,
             const std::string& traceName,
             const std::vector<std::pair<std::string, std::string>>& logs)
{
    std::string data = outDir + "/plot-data";
    std::filesystem::create_directories(data);
    double end_s = 0;
    std::ostringstream throughput;
    std::ostringstream buffer;
    std::ostringstream quality;
    int color = 0;
    for (const auto& [abr, path] : logs)
    {
        std::string lc = " lc " + std::to_string(++color);
        std::ifstream log(path);
        std::ofstream downloads(data + "/" + traceName + "-" + abr + "-downloads.dat");
        std::ofstream plays(data + "/" + traceName + "-" + abr + "-plays.dat");
        std::string line;
        std::getline(log, line); // header: event,time_s,chunk,level,...,throughput_bps(9),
                                 // ...,buffer_s(11),...,utility(16)
        while (std::getline(log, line))
        {
            std::vector<std::string> f = SplitCsv(line);
            if (f.size() >= 12 && f[0] == "download")
            {
                downloads << f[1] << " " << std::stod(f[9]) / 1e6 << " " << f[11] << "\n";
            }
            else if (f.size() >= 17 && f[0] == "play")
            {
                plays << f[1] << " " << f[16] << "\n";
            }
            end_s = std::max(end_s, f.size() > 1 ? std::stod(f[1]) : 0.0);
        }
        std::string d = "'" + data + "/" + traceName + "-" + abr;
        throughput << ", " << d << "-downloads.dat' using 1:2 with points pt 7 ps 0.6" << lc
                   << " title '" << abr << " download'";
        buffer << (buffer.tellp() > 0 ? ", " : "") << d
               << "-downloads.dat' using 1:3 with lines lw 2" << lc << " title '" << abr << "'";
        quality << (quality.tellp() > 0 ? ", " : "") << d << "-plays.dat' using 1:2 with steps lw 2"
                << lc << " title '" << abr << "'";
    }
    std::ofstream rate(data + "/" + traceName + "-rate.dat");
    for (double t = 0; t <= end_s + 1; t += 0.1)
    {
        rate << t << " " << trace.GetRate_bps(t) / 1e6 << "\n";
    }
    std::string png = outDir + "/timeline-" + traceName + ".png";
    std::string script = data + "/timeline-" + traceName + ".gp";
    std::ofstream(script) << "set terminal pngcairo size 1000,1000 noenhanced\n"
                          << "set output '" << png << "'\n"
                          << "set multiplot layout 3,1 title 'trace " << traceName << "'\n"
                          << "set grid\nset key outside right\nset xrange [0:" << end_s << "]\n"
                          << "set ylabel 'Mbit/s'\nset title 'link rate and download throughput'\n"
                          << "plot '" << data << "/" << traceName
                          << "-rate.dat' using 1:2 with steps lw 1 lc rgb 'gray' title 'trace'"
                          << throughput.str() << "\n"
                          << "set ylabel 's'\nset title 'buffer after each download'\n"
                          << "plot " << buffer.str() << "\n"
                          << "set ylabel 'QoE quality term'\nset xlabel 'time (s)'\n"
                          << "set title 'quality played'\nplot " << quality.str() << "\n"
                          << "unset multiplot\n";
    return Gnuplot(script, png) ? png : "";
}

} // namespace compare
