#include "test/test-support.h"

#include "bitstream/bitstream-format.h"
#include "tools/lvc-app.h"
#include "weights/safetensors.h"

#include "ns3/video-profile.h"

extern "C"
{
#include <libavutil/log.h>
}

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

namespace lvc::test
{

namespace
{
/// FFmpeg's libraries log to stderr by themselves; the tests check errors through exceptions.
const bool kQuietLibraries = [] {
    av_log_set_level(AV_LOG_QUIET);
    return true;
}();
} // namespace

std::string
Shared(const std::string& relative)
{
    return std::string(LVC_SHARED_DIR) + "/" + relative;
}

std::string
CheckProfileTool()
{
    return Shared("tools/check-profile");
}

std::string
ScratchPath(const std::string& name)
{
    // ctest runs each test in its own process, several at once: one directory per process.
    std::string dir = std::string(LVC_TEST_TMP_DIR) + "/" + std::to_string(getpid());
    std::filesystem::create_directories(dir);
    std::string path = dir + "/" + name;
    std::filesystem::remove(path);
    return path;
}

std::string
WriteScratchFile(const std::string& name, const std::string& bytes)
{
    std::string path = ScratchPath(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::vector<Frame>
ReadFrames(const std::string& path, int count, ReadOptions options)
{
    options.max_frames = count;
    VideoReader reader(path, options);
    std::vector<Frame> frames;
    Frame frame;
    while (reader.Read(frame))
    {
        frames.push_back(frame);
    }
    return frames;
}

int
RunLvcForTest(const std::vector<std::string>& args, std::string* out, std::string* err)
{
    std::vector<const char*> argv = {"lvc"};
    for (const std::string& arg : args)
    {
        argv.push_back(arg.c_str());
    }
    std::ostringstream out_stream;
    std::ostringstream err_stream;
    int code = RunLvc(static_cast<int>(argv.size()), argv.data(), out_stream, err_stream);
    if (out)
    {
        *out = out_stream.str();
    }
    if (err)
    {
        *err = err_stream.str();
    }
    return code;
}

void
ExpectProfileBytesAreTheFilesRanges(const std::string& profile_path, const std::string& bitstream)
{
    const ns3::VideoProfile profile = ns3::VideoProfile::Load(profile_path);
    const BitstreamReader reader = BitstreamReader::Open(bitstream);
    const int k_max = reader.Header().layers;
    ASSERT_EQ(profile.GetChunkCount(), reader.Header().chunks);
    ASSERT_EQ(profile.GetLevelCount(), static_cast<std::uint32_t>(k_max));
    std::uint64_t total = 0;
    for (std::uint32_t c = 0; c < profile.GetChunkCount(); ++c)
    {
        for (int j = 1; j <= k_max; ++j)
        {
            std::uint64_t expected = reader.LayerBytes(c, j) + 8;
            if (j == 1)
            {
                expected += 4 + (c == 0 ? BitstreamHeader::kSize + 4 : 0);
            }
            EXPECT_EQ(profile.GetChunk(c).layers[j - 1].bytes, expected)
                << "chunk " << c << " layer " << j;
            total += profile.GetChunk(c).layers[j - 1].bytes;
        }
    }
    EXPECT_EQ(total, ReadFileBytes(bitstream).size()); // every byte, no more
}

std::string
WriteY4m(const std::string& name, int width, int height, int frames)
{
    std::ostringstream bytes;
    bytes << "YUV4MPEG2 W" << width << " H" << height << " F25:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n";
    int chroma = ((width + 1) / 2) * ((height + 1) / 2);
    for (int f = 0; f < frames; ++f)
    {
        bytes << "FRAME\n";
        for (int i = 0; i < width * height; ++i)
        {
            bytes << static_cast<char>(16 + (i * 7 + f * 3) % 200);
        }
        for (int i = 0; i < 2 * chroma; ++i)
        {
            bytes << static_cast<char>(128);
        }
    }
    return WriteScratchFile(name, bytes.str());
}

} // namespace lvc::test
