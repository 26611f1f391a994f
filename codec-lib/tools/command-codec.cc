// lvc encode / decode: videos to layered bitstream files and back (the wavelet codec or the
// residual GRU codec).
#include "bitstream/neural-stream.h"
#include "io/video-reader.h"
#include "io/video-writer.h"
#include "metrics/quality.h"
#include "restore/restorer.h"
#include "tools/commands.h"
#include "tools/default-paths.h"
#include "wavelet/wavelet-stream.h"

#include "ns3/input-error.h"

#include <iomanip>
#include <memory>

namespace lvc
{

using ns3::InputError;

namespace
{

struct CodecArgs
{
    VideoOptions video;
    std::string input;
    std::string output;
    std::string weights = LVC_DEFAULT_WEIGHTS;
    double chunk_s = 2;
    int threads = 1; ///< on a shared machine, 2 threads stall at OpenMP barriers
    int layers = 0;
    int exit = 0;
    VideoOptions reference;
    std::string codec = "wavelet";
    std::string restore_weights = LVC_DEFAULT_RESTORE_WEIGHTS;
    LayeredCodingOptions coding;
};

/// Prints what encode wrote: the geometry and each layer's bytes and cumulative bpp.
void
PrintEncoded(const Console& console,
             const std::string& path,
             const BitstreamHeader& header,
             const std::vector<ChunkPayload>& chunks,
             const std::string& structure)
{
    std::vector<std::uint64_t> layer_bytes(static_cast<std::size_t>(header.layers), 0);
    for (const ChunkPayload& c : chunks)
    {
        for (std::size_t j = 0; j < c.layers.size(); ++j)
        {
            layer_bytes[j] += c.layers[j].size();
        }
    }
    const double pixels = static_cast<double>(header.width) * header.height * header.frames;
    console.out << "wrote " << path << ": " << header.width << "x" << header.height << ", "
                << header.frames << " frames, " << header.chunks << " chunks, " << header.layers
                << " layers, " << structure << "\n"
                << "layer  bytes     cumulative bpp\n";
    std::uint64_t sum = 0;
    for (std::size_t j = 0; j < layer_bytes.size(); ++j)
    {
        sum += layer_bytes[j];
        console.out << std::setw(5) << j + 1 << "  " << std::setw(8) << layer_bytes[j] << "  "
                    << std::fixed << std::setprecision(4) << sum * 8.0 / pixels << "\n";
        console.out.unsetf(std::ios::floatfield);
    }
}

void
RunEncode(const Console& console, CodecArgs args)
{
    if (!(args.chunk_s > 0))
    {
        throw InputError("--chunk-s: must be a positive number of seconds");
    }
    ResolveLayeredCodingOptions(args.coding);
    if (args.codec == "wavelet")
    {
        WaveletEncodeRequest request;
        request.video_path = args.video.path;
        request.read = ToReadOptions(args.video);
        request.chunk_duration_s = args.chunk_s;
        request.coding = args.coding.wavelet;
        std::unique_ptr<FrameRestorer> restorer;
        if (args.restore_weights != "none")
        {
            restorer = std::make_unique<NetworkRestorer>(args.restore_weights, args.threads);
            request.restorer = restorer.get();
        }
        request.progress = [&console](const std::string& line) { console.Progress(line); };
        WaveletStream stream = EncodeWaveletVideo(request);
        WriteBitstream(args.output, stream.header, stream.chunks);
        PrintEncoded(console,
                     args.output,
                     stream.header,
                     stream.chunks,
                     "wavelet codec, " +
                         (stream.header.gop_frames == 0
                              ? std::string("every frame a picture")
                              : "keys every " + std::to_string(stream.header.gop_frames) +
                                    " frames, " + std::to_string(stream.scene_cuts) +
                                    " scene cuts"));
        return;
    }
    if (args.codec != "neural-gru")
    {
        throw InputError("--codec: wavelet or neural-gru, not '" + args.codec + "'");
    }
    NeuralCodec codec(args.weights, args.threads);
    EncodeRequest request;
    request.video_path = args.video.path;
    request.read = ToReadOptions(args.video);
    request.chunk_duration_s = args.chunk_s;
    request.coding = args.coding.gru;
    request.progress = [&console](const std::string& line) { console.Progress(line); };
    EncodedVideo video = EncodeVideo(codec, request);
    WriteBitstream(args.output, video.header, video.chunks);
    const BitstreamHeader& h = video.header;
    PrintEncoded(console,
                 args.output,
                 h,
                 video.chunks,
                 "neural-gru codec, " +
                     (h.gop_frames == 0
                          ? std::string("every frame a key frame")
                          : "GOP " + std::to_string(h.gop_frames) + ", B error layers " +
                                std::to_string(h.b_error_first_layer) + ".." +
                                std::to_string(h.b_error_layers) + ", " +
                                std::to_string(video.scene_cuts) + " scene cuts"));
}

void
RunDecode(const Console& console, const CodecArgs& args)
{
    BitstreamReader reader = BitstreamReader::Open(args.input);
    const BitstreamHeader& h = reader.Header();
    const bool wavelet = h.codec == BitstreamHeader::Codec::kWavelet;
    int layers = args.layers > 0 ? args.layers : h.layers;
    if (args.layers < 0 || layers > h.layers)
    {
        throw InputError("--layers: " + std::to_string(args.layers) + " but " + args.input +
                         " has layers 1.." + std::to_string(h.layers));
    }
    std::unique_ptr<FrameRestorer> restorer;
    if (wavelet && args.restore_weights != "none")
    {
        restorer = std::make_unique<NetworkRestorer>(args.restore_weights, args.threads);
    }
    const bool wavelet_maps = wavelet && h.weights_sha256 != std::string(64, '0');
    const int exits = wavelet ? (restorer && wavelet_maps ? WaveletExitCount(restorer.get()) : 2)
                              : ModelConfig::kExitCount;
    const int exit = args.exit == 0 ? exits : args.exit;
    if (!wavelet && (exit < 1 || exit > exits))
    {
        throw InputError("--exit: 1.." + std::to_string(exits) + " for this bitstream's codec");
    }
    std::unique_ptr<NeuralCodec> codec;
    if (!wavelet)
    {
        codec = std::make_unique<NeuralCodec>(args.weights, args.threads);
    }
    std::unique_ptr<VideoWriter> writer;
    if (!args.output.empty())
    {
        WriteOptions options;
        options.fps = h.fps;
        writer = std::make_unique<VideoWriter>(args.output, h.width, h.height, options);
    }
    std::unique_ptr<VideoReader> reference;
    if (!args.reference.path.empty())
    {
        reference =
            std::make_unique<VideoReader>(args.reference.path, ToReadOptions(args.reference));
    }
    double psnr_sum = 0;
    double ssim_sum = 0;
    std::uint64_t frames = 0;
    auto sink = [&](std::uint32_t, const std::vector<Frame>& out) {
        for (const Frame& f : out)
        {
            if (writer)
            {
                writer->Write(f);
            }
            Frame source;
            if (reference && reference->Read(source))
            {
                Quality q = MeasureFrame(source, f, QualityOptions{PsnrSpace::kY, false, 1});
                psnr_sum += q.psnr_db;
                ssim_sum += q.ssim;
            }
            ++frames;
        }
    };
    if (wavelet)
    {
        DecodeWaveletBitstream(reader, layers, exit, restorer.get(), sink);
    }
    else
    {
        DecodeBitstream(*codec, reader, layers, exit, sink);
    }
    if (writer)
    {
        writer->Close();
    }
    console.out << "decoded " << frames << " frames with layers 1.." << layers << " at exit "
                << exit;
    if (!args.output.empty())
    {
        console.out << " to " << args.output;
    }
    console.out << "\n";
    if (reference)
    {
        console.out << "PSNR-Y " << std::fixed << std::setprecision(2) << psnr_sum / frames
                    << " dB, SSIM-Y " << std::setprecision(4) << ssim_sum / frames << "\n";
        console.out.unsetf(std::ios::floatfield);
    }
}

} // namespace

void
AddCodecCommands(CLI::App& app, Console& console)
{
    auto enc = std::make_shared<CodecArgs>();
    CLI::App* encode = app.add_subcommand("encode", "video -> layered bitstream (.lvc)");
    AddVideoOptions(*encode, enc->video);
    encode
        ->add_option("--codec",
                     enc->codec,
                     "wavelet (the shipped codec) or neural-gru (the residual conv-GRU codec)")
        ->capture_default_str();
    encode->add_option("-o,--output", enc->output, "the bitstream to write")->required();
    encode->add_option("--weights", enc->weights, "neural-gru: the codec's weights (safetensors)")
        ->capture_default_str();
    encode->add_option("--chunk-s", enc->chunk_s, "chunk duration in seconds (whole frames)")
        ->capture_default_str();
    encode
        ->add_option("--restore-weights",
                     enc->restore_weights,
                     "wavelet: the restoration network the exit maps are decided with ('none': "
                     "exit 1 only)")
        ->capture_default_str();
    encode->add_option("--threads", enc->threads, "neural-gru: LibTorch threads")
        ->capture_default_str();
    AddLayeredCodingOptions(*encode, enc->coding);
    encode->callback([&console, enc] { RunEncode(console, *enc); });

    auto dec = std::make_shared<CodecArgs>();
    CLI::App* decode = app.add_subcommand("decode", "layered bitstream -> video (either codec)");
    decode->add_option("bitstream", dec->input, "the .lvc file")->required();
    decode->add_option("-o,--output", dec->output, "the decoded video (.mkv: lossless FFV1)");
    decode
        ->add_option("--weights",
                     dec->weights,
                     "neural-gru: the weights the bitstream was made with")
        ->capture_default_str();
    decode->add_option("--layers", dec->layers, "decode layers 1..k (default: all)");
    decode->add_option("--exit",
                       dec->exit,
                       "decoder exit (default: the full decoder; wavelet: 1 is "
                       "the plain reconstruction, 2.. the restoration network's)");
    decode
        ->add_option("--restore-weights",
                     dec->restore_weights,
                     "wavelet: the restoration network's weights ('none': exit 1 only)")
        ->capture_default_str();
    decode->add_option("--threads", dec->threads, "LibTorch threads")->capture_default_str();
    decode->add_option("--reference", dec->reference.path, "also measure PSNR/SSIM against it");
    decode->add_option("--reference-fps", dec->reference.fps, "--fps of the reference");
    decode->add_option("--reference-width", dec->reference.width, "--width of the reference");
    decode->add_option("--reference-height", dec->reference.height, "--height of the reference");
    decode->callback([&console, dec] { RunDecode(console, *dec); });
}

} // namespace lvc
