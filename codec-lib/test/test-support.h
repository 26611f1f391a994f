// Shared helpers of codec-lib's tests: where the clips are, scratch files, short reads.
#ifndef LVC_TEST_TEST_SUPPORT_H
#define LVC_TEST_TEST_SUPPORT_H

#include "io/frame.h"
#include "io/video-reader.h"

#include <string>
#include <vector>

namespace lvc::test
{

/// A file of the shared data folder, e.g. Shared("videos/y4m/foreman_cif_60f.y4m").
std::string Shared(const std::string& relative);
/// The shared profile checker.
std::string CheckProfileTool();
/// A fresh path in the test's scratch folder (the folder is created).
std::string ScratchPath(const std::string& name);
/// Writes bytes to a scratch file and returns its path.
std::string WriteScratchFile(const std::string& name, const std::string& bytes);

/// The first `count` frames of a clip (after `options`' geometry).
std::vector<Frame> ReadFrames(const std::string& path, int count, ReadOptions options = {});

/// Runs `lvc` in-process; returns the exit code and fills out/err.
int RunLvcForTest(const std::vector<std::string>& args, std::string* out, std::string* err);

/**
 * Checks (gtest EXPECTs) that a layered profile's bytes are its bitstream file's byte ranges:
 * layer j of chunk c is the file's layer range plus its 8-byte table entry; layer 1 also the
 * chunk's frame count and, in chunk 0, the header and the table CRC; every byte counted once.
 */
void ExpectProfileBytesAreTheFilesRanges(const std::string& profile_path,
                                         const std::string& bitstream);

/// A y4m file: `frames` frames of width x height, samples from a simple pattern.
std::string WriteY4m(const std::string& name, int width, int height, int frames);

} // namespace lvc::test

#endif // LVC_TEST_TEST_SUPPORT_H
