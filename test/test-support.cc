#include "test-support.h"

#include "ns3/input-error.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace ns3::test
{

std::string
SharedDir()
{
    return LAYERED_VIDEO_SHARED_DIR;
}

std::string
TempDir(const std::string& name)
{
    auto dir = std::filesystem::temp_directory_path() / ("layered-video-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string
WriteFile(const std::string& dir, const std::string& name, const std::string& text)
{
    std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

VideoProfile
MakeLadder(const std::vector<double>& rates_bps, std::uint32_t chunks, double chunk_s)
{
    VideoInfo video{"ladder",
                    "test",
                    64,
                    64,
                    30,
                    static_cast<std::uint64_t>(chunks * chunk_s * 30)};
    CodecInfo codec;
    codec.name = "test-ladder";
    std::vector<ChunkInfo> list(chunks);
    for (auto& chunk : list)
    {
        for (std::size_t q = 0; q < rates_bps.size(); ++q)
        {
            LayerInfo layer;
            layer.bytes = static_cast<std::uint64_t>(rates_bps[q] * chunk_s / 8);
            layer.bitrate_bps = rates_bps[q];
            layer.psnr_db = 30 + 2.0 * (q + 1);
            layer.ssim = 0.9 + 0.01 * (q + 1);
            chunk.layers.push_back(layer);
        }
    }
    return VideoProfile::FromChunks(video, codec, chunk_s, false, list);
}

VideoProfile
MakeLayered(const std::vector<std::uint64_t>& layer_bytes,
            std::uint32_t chunks,
            double chunk_s,
            const std::vector<double>& exit_decode_ms)
{
    VideoInfo video{"layered",
                    "test",
                    64,
                    64,
                    30,
                    static_cast<std::uint64_t>(chunks * chunk_s * 30)};
    CodecInfo codec;
    codec.name = "test-layered";
    std::vector<ChunkInfo> list(chunks);
    for (auto& chunk : list)
    {
        for (std::size_t j = 0; j < layer_bytes.size(); ++j)
        {
            LayerInfo layer;
            layer.bytes = layer_bytes[j];
            layer.psnr_db = 30 + 3.0 * (j + 1);
            layer.ssim = 0.8 + 0.02 * (j + 1);
            std::size_t exits = exit_decode_ms.size();
            for (std::size_t e = 0; e < exits; ++e)
            {
                double loss = 2.0 * (exits - 1 - e);
                layer.exits.push_back(
                    {layer.psnr_db - loss, layer.ssim - 0.01 * loss, exit_decode_ms[e]});
            }
            chunk.layers.push_back(layer);
        }
    }
    return VideoProfile::FromChunks(video, codec, chunk_s, true, list);
}

void
ExpectInputError(const std::function<void()>& run, const std::string& fragment)
{
    try
    {
        run();
    }
    catch (const InputError& e)
    {
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos)
            << "message: " << e.what() << "\nexpected to contain: " << fragment;
        return;
    }
    ADD_FAILURE() << "no InputError (expected one containing: " << fragment << ")";
}

} // namespace ns3::test
