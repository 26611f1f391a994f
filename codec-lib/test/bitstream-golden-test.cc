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
    "6d6b2c4583eba8d030d9748ee3177c2e5155f90bf74dc69067fec38facaee76c";

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
    header.gop_frames = 2;
    header.b_error_layers = 4;
    header.b_error_first_layer = 2;
    std::vector<ChunkPayload> chunks(2);
    chunks[0].frames = 2;
    // The second picture as a B frame's errors: codes in layers 2..4, the first without a
    // previous-layer context.
    FrameCodes errors(codes[1].begin(), codes[1].begin() + 3);
    chunks[0].layers = EncodeChunkLayers({codes[0], errors}, {}, {1, 2});
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
    EXPECT_EQ(reader.Header().b_error_first_layer, 2);
    payloads.clear();
    for (int j = 1; j <= 4; ++j)
    {
        payloads.push_back(reader.LayerPayload(0, j));
    }
    EXPECT_EQ(
        DecodeChunkLayers(payloads, {CodeShape{6, 5, 7}, CodeShape{6, 5, 7}}, {}, {4, 3}, {1, 2}),
        (std::vector<FrameCodes>{codes[0], errors}));
}

/// `current` (a file of this version, made by the residual GRU codec) as version 1..4 would have
/// written it: the header without the fields those versions lack (versions 3 and 4: the codec).
std::vector<std::uint8_t>
AsOlderVersion(const std::vector<std::uint8_t>& current, int version)
{
    const std::size_t size = version == 1   ? BitstreamHeader::kSizeVersion1
                             : version == 2 ? BitstreamHeader::kSizeVersion2
                                            : BitstreamHeader::kSizeVersion4;
    std::vector<std::uint8_t> old(current.begin(), current.begin() + (size - 4));
    old[4] = static_cast<std::uint8_t>(version);
    old[6] = static_cast<std::uint8_t>(size);
    const std::uint32_t crc = Crc32(old.data(), old.size());
    for (int i = 0; i < 4; ++i)
    {
        old.push_back(static_cast<std::uint8_t>(crc >> (8 * i)));
    }
    old.insert(old.end(), current.begin() + BitstreamHeader::kSize, current.end());
    return old;
}

/// A one-frame, one-chunk file of 112x80 at 25 fps with 4 layers: its header (GOP and error
/// layers left to the caller) and its chunk, the first of FixedCodes().
struct OneFrameFile
{
    BitstreamHeader header;
    std::vector<ChunkPayload> chunks;

    explicit OneFrameFile(char sha_digit)
        : chunks(1)
    {
        header.weights_sha256 = std::string(64, sha_digit);
        header.width = 112;
        header.height = 80;
        header.fps = 25;
        header.frames = 1;
        header.frames_per_chunk = 1;
        header.chunks = 1;
        header.layers = 4;
        header.code_channels = 6;
        chunks[0].frames = 1;
        chunks[0].layers = EncodeChunkLayers({FixedCodes()[0]});
    }

    std::vector<std::uint8_t> Bytes() const
    {
        return SerializeBitstream(header, chunks);
    }
};

TEST(BitstreamGolden, VersionOneFilesStillRead)
{
    OneFrameFile file('b');
    // Version 1: the same header without the GOP and error-layer fields (bytes 72..77).
    std::vector<std::uint8_t> v1 = AsOlderVersion(file.Bytes(), 1);
    BitstreamReader reader(v1, "v1.lvc");
    EXPECT_EQ(reader.Header().version, 1);
    EXPECT_EQ(reader.Header().gop_frames, 0);
    EXPECT_EQ(reader.Header().width, 112);
    EXPECT_EQ(reader.LayerPayload(0, 2), file.chunks[0].layers[1]);
    v1[4] = BitstreamHeader::kVersion + 1;
    EXPECT_THROW(BitstreamReader(v1, "future.lvc"), ns3::InputError);
}

TEST(BitstreamGolden, VersionFourFilesReadAsTheResidualGruCodec)
{
    OneFrameFile file('e');
    file.header.gop_frames = 8;
    file.header.b_error_layers = 4;
    file.header.b_error_first_layer = 3;
    BitstreamReader reader(AsOlderVersion(file.Bytes(), 4), "v4.lvc");
    EXPECT_EQ(reader.Header().version, 4);
    EXPECT_EQ(reader.Header().codec, BitstreamHeader::Codec::kResidualGru);
    EXPECT_EQ(reader.Header().b_error_first_layer, 3);
    EXPECT_EQ(reader.LayerPayload(0, 4), file.chunks[0].layers[3]);
}

TEST(BitstreamGolden, AnUnknownCodecOrAWaveletHeaderWithCodeChannelsIsAClearError)
{
    OneFrameFile file('f');
    std::vector<std::uint8_t> bytes = file.Bytes();
    bytes[78] = 7; // the codec field
    const std::uint32_t crc = Crc32(bytes.data(), BitstreamHeader::kSize - 4);
    for (int i = 0; i < 4; ++i)
    {
        bytes[BitstreamHeader::kSize - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
    }
    try
    {
        BitstreamReader(bytes, "codec.lvc");
        ADD_FAILURE() << "codec 7 was accepted";
    }
    catch (const ns3::InputError& e)
    {
        EXPECT_NE(std::string(e.what()).find("codec.lvc: codec: unknown codec 7"),
                  std::string::npos)
            << e.what();
    }
    file.header.codec = BitstreamHeader::Codec::kWavelet; // with the GRU codec's code channels
    EXPECT_THROW(BitstreamReader(file.Bytes(), "wavelet.lvc"), ns3::InputError);
    file.header.code_channels = 0;
    file.header.gop_frames = 32; // beyond the GRU codec's GOP, within the wavelet codec's
    EXPECT_EQ(BitstreamReader(file.Bytes(), "wavelet.lvc").Header().codec,
              BitstreamHeader::Codec::kWavelet);
}

TEST(BitstreamGolden, VersionTwoFilesReadWithErrorsFromLayerOne)
{
    OneFrameFile file('c');
    file.header.gop_frames = 8;
    file.header.b_error_layers = 3;
    file.header.b_error_first_layer = 3; // version 2 cannot say this: read back as 1
    BitstreamReader reader(AsOlderVersion(file.Bytes(), 2), "v2.lvc");
    EXPECT_EQ(reader.Header().version, 2);
    EXPECT_EQ(reader.Header().gop_frames, 8);
    EXPECT_EQ(reader.Header().b_error_layers, 3);
    EXPECT_EQ(reader.Header().b_error_first_layer, 1);
    EXPECT_EQ(reader.LayerPayload(0, 4), file.chunks[0].layers[3]);
}

TEST(BitstreamGolden, AnImpossibleFirstErrorLayerIsAClearError)
{
    OneFrameFile file('d');
    file.header.gop_frames = 8;
    file.header.b_error_layers = 2;
    for (int first : {0, 3})
    {
        file.header.b_error_first_layer = first;
        try
        {
            BitstreamReader(file.Bytes(), "first.lvc");
            ADD_FAILURE() << "first error layer " << first << " was accepted";
        }
        catch (const ns3::InputError& e)
        {
            EXPECT_NE(std::string(e.what()).find("b_error_first_layer"), std::string::npos)
                << e.what();
        }
    }
}

} // namespace
} // namespace lvc
