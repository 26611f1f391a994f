// Golden hashes of the bitstream format and the entropy coder: the bytes of a fixed set of codes
// must not change unless the format does. Regenerate on purpose with LVC_PRINT_GOLDEN=1 (prints
// the new hash) and bump BitstreamHeader::kVersion when the bytes change.
#include "bitstream/bitstream-format.h"
#include "bitstream/chunk-layers.h"
#include "weights/safetensors.h"

#include "ns3/input-error.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <iostream>
#include <random>

namespace lvc
{
namespace
{

constexpr const char* kGoldenSha256 =
    "8ce9c50788b970cecb8eddb6d3404efbb99d1a60c483aec5e0f66f525cad2803";

/// Codes with structure for every context: runs along rows, channels and layers.
std::vector<FrameCodes>
FixedCodes()
{
    std::mt19937 rng(2022); // the sequence of std::mt19937 is fixed by the standard
    CodeShape shape{6, 5, 7};
    std::vector<FrameCodes> frames(3);
    for (FrameCodes& f : frames)
    {
        for (int j = 0; j < 4; ++j)
        {
            BinaryCode code = BinaryCode::Zero(shape);
            for (std::size_t i = 0; i < code.bits.size(); ++i)
            {
                std::uint32_t r = rng() % 8;
                code.bits[i] = r < 3   ? static_cast<std::uint8_t>(r & 1)
                               : i > 0 ? code.bits[i - 1]
                                       : 1;
                if (j > 0 && r == 7)
                {
                    code.bits[i] = f[j - 1].bits[i];
                }
            }
            f.push_back(code);
        }
    }
    return frames;
}

TEST(BitstreamGolden, BytesOfAFixedFileAreUnchanged)
{
    std::vector<FrameCodes> codes = FixedCodes();
    BitstreamHeader header;
    header.weights_sha256 = std::string(64, 'a');
    header.width = 112;
    header.height = 80;
    header.fps = 30000.0 / 1001;
    header.frames = 3;
    header.frames_per_chunk = 2;
    header.chunks = 2;
    header.layers = 4;
    header.code_channels = 6;
    std::vector<ChunkPayload> chunks(2);
    chunks[0].frames = 2;
    chunks[0].layers = EncodeChunkLayers({codes[0], codes[1]});
    chunks[1].frames = 1;
    chunks[1].layers = EncodeChunkLayers({codes[2]});
    std::vector<std::uint8_t> bytes = SerializeBitstream(header, chunks);
    std::string sha = Sha256Hex(bytes.data(), bytes.size());
    if (std::getenv("LVC_PRINT_GOLDEN"))
    {
        std::cout << "golden bitstream sha256: " << sha << " (" << bytes.size() << " bytes)\n";
    }
    EXPECT_EQ(sha, kGoldenSha256) << "the bitstream bytes changed: if on purpose, bump the "
                                     "version and pin the new hash (LVC_PRINT_GOLDEN=1)";
    // And it reads back to the same codes.
    BitstreamReader reader(bytes, "golden.lvc");
    std::vector<std::vector<std::uint8_t>> payloads;
    for (int j = 1; j <= 4; ++j)
    {
        payloads.push_back(reader.LayerPayload(1, j));
    }
    EXPECT_EQ(DecodeChunkLayers(payloads, {CodeShape{6, 5, 7}}), std::vector<FrameCodes>{codes[2]});
}

TEST(BitstreamGolden, VersionOneFilesStillRead)
{
    std::vector<FrameCodes> codes = FixedCodes();
    BitstreamHeader header;
    header.weights_sha256 = std::string(64, 'b');
    header.width = 112;
    header.height = 80;
    header.fps = 25;
    header.frames = 1;
    header.frames_per_chunk = 1;
    header.chunks = 1;
    header.layers = 4;
    header.code_channels = 6;
    std::vector<ChunkPayload> chunks(1);
    chunks[0].frames = 1;
    chunks[0].layers = EncodeChunkLayers({codes[0]});
    std::vector<std::uint8_t> v2 = SerializeBitstream(header, chunks);
    // Version 1: the same header without the GOP and error-layer fields (bytes 72..75).
    std::vector<std::uint8_t> v1(v2.begin(), v2.begin() + 72);
    v1[4] = 1;
    v1[6] = static_cast<std::uint8_t>(BitstreamHeader::kSizeVersion1);
    const std::uint32_t crc = Crc32(v1.data(), v1.size());
    for (int i = 0; i < 4; ++i)
    {
        v1.push_back(static_cast<std::uint8_t>(crc >> (8 * i)));
    }
    v1.insert(v1.end(), v2.begin() + BitstreamHeader::kSize, v2.end());
    BitstreamReader reader(v1, "v1.lvc");
    EXPECT_EQ(reader.Header().version, 1);
    EXPECT_EQ(reader.Header().gop_frames, 0);
    EXPECT_EQ(reader.Header().width, 112);
    EXPECT_EQ(reader.LayerPayload(0, 2), chunks[0].layers[1]);
    v1[4] = 3;
    EXPECT_THROW(BitstreamReader(v1, "v3.lvc"), ns3::InputError);
}

} // namespace
} // namespace lvc
