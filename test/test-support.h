#ifndef LAYERED_VIDEO_TEST_SUPPORT_H
#define LAYERED_VIDEO_TEST_SUPPORT_H

#include "ns3/video-profile.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3::test
{

/// The shared data folder (traces, videos, profile schema), set by CMake.
std::string SharedDir();
/// A fresh empty temporary folder for one test.
std::string TempDir(const std::string& name);
/// Writes text to a file and returns its path.
std::string WriteFile(const std::string& dir, const std::string& name, const std::string& text);

/**
 * A ladder whose representation q has nominal bitrate rates_bps[q-1] and exactly
 * rate * duration / 8 bytes per chunk; PSNR 30 + 2q dB, SSIM 0.9 + 0.01q (fake inputs for
 * testing the logic alone).
 */
VideoProfile MakeLadder(const std::vector<double>& rates_bps, std::uint32_t chunks, double chunk_s);

/**
 * Layered content: layer j of every chunk has layer_bytes[j-1] bytes; the prefix 1..k has PSNR
 * 30 + 3k dB; with exits, exit e (0-based) of any prefix takes exit_decode_ms[e] and loses
 * 2 * (exits - 1 - e) dB.
 */
VideoProfile MakeLayered(const std::vector<std::uint64_t>& layer_bytes,
                         std::uint32_t chunks,
                         double chunk_s,
                         const std::vector<double>& exit_decode_ms = {});

/// Expects `run` to throw InputError whose message contains `fragment` (a test failure otherwise).
void ExpectInputError(const std::function<void()>& run, const std::string& fragment);

} // namespace ns3::test

#endif // LAYERED_VIDEO_TEST_SUPPORT_H
