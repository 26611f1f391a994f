#include "bitstream/chunk-layers.h"

#include <algorithm>
#include <stdexcept>

namespace lvc
{

std::vector<std::vector<std::uint8_t>>
EncodeChunkLayers(const std::vector<FrameCodes>& codes, const CodeContextOptions& options)
{
    std::vector<std::vector<std::uint8_t>> payloads;
    std::size_t layers = 0;
    for (const FrameCodes& frame : codes)
    {
        layers = std::max(layers, frame.size());
    }
    std::vector<BinaryCode> previous;
    for (std::size_t j = 0; j < layers; ++j)
    {
        std::vector<BinaryCode> layer;
        std::vector<BinaryCode> context; // layer j - 1 of the same pictures
        for (const FrameCodes& frame : codes)
        {
            if (frame.size() > j)
            {
                layer.push_back(frame[j]);
                if (j > 0)
                {
                    context.push_back(frame[j - 1]);
                }
            }
        }
        payloads.push_back(EncodeCodeLayer(layer, j == 0 ? nullptr : &context, options));
    }
    return payloads;
}

std::vector<FrameCodes>
DecodeChunkLayers(const std::vector<std::vector<std::uint8_t>>& payloads,
                  const std::vector<CodeShape>& shapes,
                  const CodeContextOptions& options,
                  const std::vector<int>& layer_counts)
{
    if (!layer_counts.empty() && layer_counts.size() != shapes.size())
    {
        throw std::invalid_argument("chunk layers: a layer count per picture");
    }
    std::vector<FrameCodes> codes(shapes.size());
    for (std::size_t j = 0; j < payloads.size(); ++j)
    {
        std::vector<std::size_t> pictures; // those with layer j
        std::vector<CodeShape> layer_shapes;
        std::vector<BinaryCode> context;
        for (std::size_t f = 0; f < shapes.size(); ++f)
        {
            if (layer_counts.empty() || static_cast<std::size_t>(layer_counts[f]) > j)
            {
                pictures.push_back(f);
                layer_shapes.push_back(shapes[f]);
                if (j > 0)
                {
                    context.push_back(codes[f][j - 1]);
                }
            }
        }
        std::vector<BinaryCode> layer = DecodeCodeLayer(payloads[j].data(),
                                                        payloads[j].size(),
                                                        layer_shapes,
                                                        j == 0 ? nullptr : &context,
                                                        options);
        for (std::size_t i = 0; i < pictures.size(); ++i)
        {
            codes[pictures[i]].push_back(std::move(layer[i]));
        }
    }
    return codes;
}

} // namespace lvc
