#include "bitstream/chunk-layers.h"

#include <algorithm>
#include <stdexcept>

namespace lvc
{

namespace
{

/// 0-based payload index of picture f's first code.
std::size_t
FirstPayload(const std::vector<int>& first_layers, std::size_t f)
{
    if (first_layers.empty())
    {
        return 0;
    }
    if (first_layers[f] < 1)
    {
        throw std::invalid_argument("chunk layers: first layers are 1-based");
    }
    return static_cast<std::size_t>(first_layers[f] - 1);
}

} // namespace

std::vector<std::vector<std::uint8_t>>
EncodeChunkLayers(const std::vector<FrameCodes>& codes,
                  const CodeContextOptions& options,
                  const std::vector<int>& first_layers)
{
    if (!first_layers.empty() && first_layers.size() != codes.size())
    {
        throw std::invalid_argument("chunk layers: a first layer per picture");
    }
    std::size_t layers = 0;
    for (std::size_t f = 0; f < codes.size(); ++f)
    {
        layers = std::max(layers, FirstPayload(first_layers, f) + codes[f].size());
    }
    std::vector<std::vector<std::uint8_t>> payloads;
    for (std::size_t j = 0; j < layers; ++j)
    {
        std::vector<BinaryCode> layer;
        std::vector<BinaryCode> context; // the same pictures' codes in payload j - 1 (or none)
        for (std::size_t f = 0; f < codes.size(); ++f)
        {
            const std::size_t first = FirstPayload(first_layers, f);
            if (j >= first && j - first < codes[f].size())
            {
                layer.push_back(codes[f][j - first]);
                context.push_back(j > first ? codes[f][j - first - 1] : BinaryCode{});
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
                  const std::vector<int>& layer_counts,
                  const std::vector<int>& first_layers)
{
    if ((!layer_counts.empty() && layer_counts.size() != shapes.size()) ||
        (!first_layers.empty() && first_layers.size() != shapes.size()))
    {
        throw std::invalid_argument("chunk layers: a layer count and first layer per picture");
    }
    std::vector<FrameCodes> codes(shapes.size());
    for (std::size_t j = 0; j < payloads.size(); ++j)
    {
        std::vector<std::size_t> pictures; // those with a code in payload j
        std::vector<CodeShape> layer_shapes;
        std::vector<BinaryCode> context;
        for (std::size_t f = 0; f < shapes.size(); ++f)
        {
            const std::size_t first = FirstPayload(first_layers, f);
            const bool has = j >= first && (layer_counts.empty() ||
                                            j - first < static_cast<std::size_t>(layer_counts[f]));
            if (has)
            {
                pictures.push_back(f);
                layer_shapes.push_back(shapes[f]);
                context.push_back(j > first ? codes[f].back() : BinaryCode{});
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
