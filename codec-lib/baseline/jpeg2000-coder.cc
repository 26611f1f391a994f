#include "baseline/jpeg2000-coder.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <openjpeg.h>
#include <stdexcept>
#include <string>

namespace lvc
{

namespace
{

/// A byte buffer OpenJPEG's streams read from or write to.
struct Buffer
{
    std::vector<std::uint8_t> bytes;
    std::size_t position = 0;
};

OPJ_SIZE_T
ReadBuffer(void* out, OPJ_SIZE_T size, void* user)
{
    auto* b = static_cast<Buffer*>(user);
    const std::size_t n = std::min<std::size_t>(size, b->bytes.size() - b->position);
    if (n == 0)
    {
        return static_cast<OPJ_SIZE_T>(-1);
    }
    std::memcpy(out, b->bytes.data() + b->position, n);
    b->position += n;
    return n;
}

OPJ_SIZE_T
WriteBuffer(void* in, OPJ_SIZE_T size, void* user)
{
    auto* b = static_cast<Buffer*>(user);
    if (b->position + size > b->bytes.size())
    {
        b->bytes.resize(b->position + size);
    }
    std::memcpy(b->bytes.data() + b->position, in, size);
    b->position += size;
    return size;
}

OPJ_OFF_T
SkipBuffer(OPJ_OFF_T n, void* user)
{
    auto* b = static_cast<Buffer*>(user);
    const auto target = static_cast<std::int64_t>(b->position) + n;
    if (target < 0)
    {
        return -1;
    }
    if (static_cast<std::size_t>(target) > b->bytes.size() && n > 0)
    {
        b->bytes.resize(static_cast<std::size_t>(target));
    }
    b->position = static_cast<std::size_t>(target);
    return n;
}

OPJ_BOOL
SeekBuffer(OPJ_OFF_T n, void* user)
{
    auto* b = static_cast<Buffer*>(user);
    if (n < 0)
    {
        return OPJ_FALSE;
    }
    b->position = static_cast<std::size_t>(n);
    return OPJ_TRUE;
}

opj_stream_t*
MakeStream(Buffer& buffer, bool input)
{
    opj_stream_t* stream =
        opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, input ? OPJ_TRUE : OPJ_FALSE);
    if (stream == nullptr)
    {
        throw std::runtime_error("OpenJPEG: cannot create a stream");
    }
    opj_stream_set_user_data(stream, &buffer, nullptr);
    opj_stream_set_read_function(stream, ReadBuffer);
    opj_stream_set_write_function(stream, WriteBuffer);
    opj_stream_set_skip_function(stream, SkipBuffer);
    opj_stream_set_seek_function(stream, SeekBuffer);
    if (input)
    {
        opj_stream_set_user_data_length(stream, buffer.bytes.size());
    }
    return stream;
}

/// OpenJPEG's codec and stream handles are the same type (void*): one owner type per kind.
struct CodecDeleter
{
    void operator()(opj_codec_t* c) const
    {
        opj_destroy_codec(c);
    }
};

struct StreamDeleter
{
    void operator()(opj_stream_t* s) const
    {
        opj_stream_destroy(s);
    }
};

struct ImageDeleter
{
    void operator()(opj_image_t* i) const
    {
        opj_image_destroy(i);
    }
};

using OwnedCodec = std::unique_ptr<opj_codec_t, CodecDeleter>;
using OwnedStream = std::unique_ptr<opj_stream_t, StreamDeleter>;
using OwnedImage = std::unique_ptr<opj_image_t, ImageDeleter>;

/// The tile-part lengths of a codestream (SOT markers' Psot), and where the first one starts.
std::vector<std::size_t>
TilePartLengths(const std::vector<std::uint8_t>& cs, std::size_t& header_bytes)
{
    auto u16 = [&](std::size_t at) {
        return static_cast<std::size_t>(cs.at(at) << 8 | cs.at(at + 1));
    };
    std::size_t pos = 2; // after SOC
    std::vector<std::size_t> lengths;
    header_bytes = 0;
    while (pos + 4 <= cs.size())
    {
        const std::size_t marker = u16(pos);
        if (marker == 0xFFD9) // EOC
        {
            break;
        }
        if (marker == 0xFF90) // SOT: Lsot, Isot, Psot (4), TPsot, TNsot
        {
            if (header_bytes == 0)
            {
                header_bytes = pos;
            }
            const std::size_t psot = u16(pos + 6) << 16 | u16(pos + 8);
            if (psot == 0 || pos + psot > cs.size())
            {
                throw std::runtime_error("OpenJPEG: a tile-part runs past the codestream");
            }
            lengths.push_back(psot);
            pos += psot;
        }
        else
        {
            pos += 2 + u16(pos + 2);
        }
    }
    return lengths;
}

} // namespace

Jpeg2000Picture
EncodeJpeg2000(const Frame& frame, const std::vector<double>& layer_bpp, int resolutions)
{
    if (layer_bpp.empty() || layer_bpp.size() > 100)
    {
        throw std::invalid_argument("JPEG 2000: 1..100 layers");
    }
    std::array<opj_image_cmptparm_t, 3> parms{};
    for (int c = 0; c < 3; ++c)
    {
        opj_image_cmptparm_t& p = parms[static_cast<std::size_t>(c)];
        p.dx = c == 0 ? 1 : 2;
        p.dy = c == 0 ? 1 : 2;
        p.w = static_cast<OPJ_UINT32>(frame.PlaneWidth(c));
        p.h = static_cast<OPJ_UINT32>(frame.PlaneHeight(c));
        p.prec = 8;
        p.sgnd = 0;
    }
    OwnedImage image(opj_image_create(3, parms.data(), OPJ_CLRSPC_SYCC));
    if (!image)
    {
        throw std::runtime_error("OpenJPEG: cannot create an image");
    }
    image->x0 = 0;
    image->y0 = 0;
    image->x1 = static_cast<OPJ_UINT32>(frame.Width());
    image->y1 = static_cast<OPJ_UINT32>(frame.Height());
    for (int c = 0; c < 3; ++c)
    {
        const std::uint8_t* src = frame.Plane(c);
        std::copy(src, src + frame.PlaneSize(c), image->comps[c].data);
    }
    opj_cparameters_t p;
    opj_set_default_encoder_parameters(&p);
    p.tcp_numlayers = static_cast<int>(layer_bpp.size());
    for (std::size_t j = 0; j < layer_bpp.size(); ++j)
    {
        // Compression ratios: OpenJPEG counts the raw size as components x picture size x 8 bits
        // (24 bits per pixel here, whatever the subsampling; measured: a ratio for 12 gave twice
        // the bits asked for).
        p.tcp_rates[j] = static_cast<float>(24.0 / layer_bpp[j]);
    }
    p.cp_disto_alloc = 1;
    p.irreversible = 1;
    p.numresolution = resolutions;
    p.prog_order = OPJ_LRCP;
    p.tp_on = 1;
    p.tp_flag = 'L';
    p.tcp_mct = 0;
    OwnedCodec codec(opj_create_compress(OPJ_CODEC_J2K));
    Buffer out;
    OwnedStream stream(MakeStream(out, false));
    if (!opj_setup_encoder(codec.get(), &p, image.get()) ||
        !opj_start_compress(codec.get(), image.get(), stream.get()) ||
        !opj_encode(codec.get(), stream.get()) || !opj_end_compress(codec.get(), stream.get()))
    {
        throw std::runtime_error("OpenJPEG: encoding failed");
    }
    stream.reset();
    Jpeg2000Picture picture;
    picture.codestream = std::move(out.bytes);
    std::size_t header = 0;
    const std::vector<std::size_t> parts = TilePartLengths(picture.codestream, header);
    if (parts.size() != layer_bpp.size())
    {
        throw std::runtime_error("OpenJPEG: " + std::to_string(parts.size()) + " tile-parts for " +
                                 std::to_string(layer_bpp.size()) + " layers");
    }
    picture.layer_bytes = parts;
    picture.layer_bytes[0] += picture.codestream.size();
    for (std::size_t part : parts)
    {
        picture.layer_bytes[0] -= part; // what is not a tile-part: main header and end marker
    }
    return picture;
}

Frame
DecodeJpeg2000(const std::vector<std::uint8_t>& codestream, int layers, int width, int height)
{
    Buffer in;
    in.bytes = codestream;
    OwnedStream stream(MakeStream(in, true));
    OwnedCodec codec(opj_create_decompress(OPJ_CODEC_J2K));
    opj_dparameters_t p;
    opj_set_default_decoder_parameters(&p);
    p.cp_layer = static_cast<OPJ_UINT32>(layers);
    opj_image_t* raw = nullptr;
    if (!opj_setup_decoder(codec.get(), &p) || !opj_read_header(stream.get(), codec.get(), &raw))
    {
        throw std::runtime_error("OpenJPEG: cannot read the codestream's header");
    }
    OwnedImage image(raw);
    if (!opj_decode(codec.get(), stream.get(), image.get()) ||
        !opj_end_decompress(codec.get(), stream.get()))
    {
        throw std::runtime_error("OpenJPEG: decoding failed");
    }
    Frame frame(width, height);
    if (image->numcomps != 3)
    {
        throw std::runtime_error("OpenJPEG: not a three-component picture");
    }
    for (int c = 0; c < 3; ++c)
    {
        const opj_image_comp_t& comp = image->comps[c];
        if (static_cast<int>(comp.w) != frame.PlaneWidth(c) ||
            static_cast<int>(comp.h) != frame.PlaneHeight(c))
        {
            throw std::runtime_error("OpenJPEG: a component of another size");
        }
        std::uint8_t* dst = frame.Plane(c);
        for (std::size_t i = 0; i < frame.PlaneSize(c); ++i)
        {
            dst[i] = static_cast<std::uint8_t>(std::clamp(comp.data[i], 0, 255));
        }
    }
    return frame;
}

} // namespace lvc
