#include "bitstream/chunk-coding.h"

#include "baseline/residual.h"
#include "interp/motion-coder.h"
#include "interp/scene-cuts.h"

#include <algorithm>
#include <stdexcept>

namespace lvc
{

namespace
{

void
PutU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
    {
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

std::vector<Frame>
BFrames(const std::vector<Frame>& anchors,
        const ChunkCodes& codes,
        const std::vector<Frame>* errors)
{
    std::vector<Frame> b = InterpolateBFrames(codes.hierarchy, codes.b_motion, anchors);
    if (errors != nullptr)
    {
        for (std::size_t i = 0; i < b.size(); ++i)
        {
            b[i] = AddResidual(b[i], (*errors)[i]);
        }
    }
    return b;
}

} // namespace

CodedChunk
EncodeNeuralChunk(NeuralCodec& codec,
                  const std::vector<Frame>& frames,
                  const BitstreamHeader& header,
                  const NeuralCodingOptions& coding)
{
    if (frames.empty())
    {
        throw std::invalid_argument("encode chunk: no frame");
    }
    const int width = frames[0].Width();
    const int height = frames[0].Height();
    CodedChunk out;
    ChunkCodes& codes = out.codes;
    // What layer 1 carries before the codes: the scene-cut list, then the motion section.
    std::vector<std::uint8_t> layer1_head;
    if (HasSceneCutList(header))
    {
        if (coding.scene_cut_threshold > 0)
        {
            SceneCutOptions cut_options;
            cut_options.histogram_distance = coding.scene_cut_threshold;
            codes.scene_cuts = SceneCuts(frames, cut_options);
        }
        layer1_head = SceneCutSection(codes.scene_cuts);
    }
    codes.hierarchy =
        ChunkHierarchy(header, static_cast<std::uint32_t>(frames.size()), codes.scene_cuts);
    codes.b_error_first_layer = header.b_error_first_layer;
    const FrameHierarchy& h = codes.hierarchy;
    std::vector<Frame> anchors;
    for (int a : h.anchors)
    {
        anchors.push_back(frames[a]);
    }
    codes.anchor_codes = codec.Encode(anchors, header.layers);
    if (header.gop_frames >= 2)
    {
        std::vector<std::uint8_t> motion_bytes;
        if (!h.b_frames.empty())
        {
            AnchorMotionOptions options;
            options.gop_frames = header.gop_frames;
            options.crf = coding.motion_crf;
            if (!codes.scene_cuts.empty())
            {
                options.anchors = h.anchors;
            }
            std::vector<AnchorMotion> motion = AnchorMotionOf(frames, options);
            CheckMotionMatches(h, motion);
            std::vector<AnchorMotion> b_motion;
            for (int b : h.b_frames)
            {
                b_motion.push_back(motion[b]);
            }
            motion_bytes = EncodeMotion(h, b_motion);
            // The decoder's vectors (quarter pixels), so that both sides interpolate alike.
            codes.b_motion =
                DecodeMotion(motion_bytes.data(), motion_bytes.size(), h, width, height);
        }
        PutU32(layer1_head, static_cast<std::uint32_t>(motion_bytes.size()));
        layer1_head.insert(layer1_head.end(), motion_bytes.begin(), motion_bytes.end());
        codes.motion_bytes = 4 + motion_bytes.size();
    }
    if (header.BErrorIterations() > 0 && !h.b_frames.empty())
    {
        std::vector<std::vector<Frame>> targets(h.b_frames.size());
        for (int k = header.b_error_first_layer; k <= header.b_error_layers; ++k)
        {
            std::vector<Frame> decoded =
                codec.Decode(PrefixOf(codes, k).anchor_codes, width, height, 3);
            std::vector<Frame> predicted = BFrames(decoded, codes, nullptr);
            for (std::size_t i = 0; i < predicted.size(); ++i)
            {
                targets[i].push_back(MakeResidual(frames[h.b_frames[i]], predicted[i]));
            }
        }
        codes.b_codes = codec.EncodeTargets(targets);
    }
    out.payload.frames = static_cast<std::uint32_t>(frames.size());
    out.payload.layers = ChunkPayloads(codes, layer1_head);
    return out;
}

std::vector<Frame>
ReconstructChunk(NeuralCodec& codec, const ChunkCodes& codes, int width, int height, int exit)
{
    std::vector<Frame> anchors = codec.Decode(codes.anchor_codes, width, height, exit);
    if (codes.hierarchy.b_frames.empty())
    {
        return anchors;
    }
    const bool has_errors = !codes.b_codes.empty() && !codes.b_codes[0].empty();
    std::vector<Frame> errors;
    if (has_errors)
    {
        errors = codec.Decode(codes.b_codes, width, height, exit);
    }
    std::vector<Frame> b = BFrames(anchors, codes, has_errors ? &errors : nullptr);
    return InDisplayOrder(codes.hierarchy, std::move(anchors), std::move(b));
}

std::vector<std::vector<std::vector<Frame>>>
ReconstructAllPrefixes(NeuralCodec& codec, const ChunkCodes& codes, int width, int height)
{
    std::vector<std::vector<std::vector<Frame>>> anchors =
        codec.DecodeAll(codes.anchor_codes, width, height);
    if (codes.hierarchy.b_frames.empty())
    {
        return anchors;
    }
    const int error_codes = codes.b_codes.empty() ? 0 : static_cast<int>(codes.b_codes[0].size());
    std::vector<std::vector<std::vector<Frame>>> errors;
    if (error_codes > 0)
    {
        errors = codec.DecodeAll(codes.b_codes, width, height);
    }
    std::vector<std::vector<std::vector<Frame>>> out(anchors.size());
    for (std::size_t k = 0; k < anchors.size(); ++k)
    {
        // With layers 1..k + 1 a B frame has its error codes of layers first..k + 1.
        const int with_errors =
            std::min(static_cast<int>(k) + 2 - codes.b_error_first_layer, error_codes);
        for (std::size_t e = 0; e < anchors[k].size(); ++e)
        {
            const std::vector<Frame>* error =
                with_errors > 0 ? &errors[static_cast<std::size_t>(with_errors - 1)][e] : nullptr;
            std::vector<Frame> b = BFrames(anchors[k][e], codes, error);
            out[k].push_back(InDisplayOrder(codes.hierarchy, anchors[k][e], std::move(b)));
        }
    }
    return out;
}

} // namespace lvc
