// The CDF 9/7 wavelet (JPEG 2000's irreversible transform) as lifting steps, in two dimensions
// over several levels (Mallat layout), and the subbands it leaves.
#ifndef LVC_WAVELET_CDF97_H
#define LVC_WAVELET_CDF97_H

#include "wavelet/float-plane.h"

#include <vector>

namespace lvc
{

/// Which filters a subband went through: LL (low both ways), HL (high horizontally), LH, HH.
enum class Orientation
{
    kLL = 0,
    kHL = 1,
    kLH = 2,
    kHH = 3,
};

/// A rectangle of a transformed plane holding one subband.
struct Subband
{
    int level = 0; ///< 1 = finest details; the LL band has the plane's level count
    Orientation orientation = Orientation::kLL;
    int x0 = 0;
    int y0 = 0;
    int width = 0;
    int height = 0;
};

/**
 * The subbands of a width x height plane transformed over `levels` levels, coarsest first: LL,
 * then HL, LH, HH of level `levels`, ..., of level 1. A level halves each side (rounding up:
 * odd sides keep the extra sample in the low band). Empty bands (a side of 1) are left out.
 */
std::vector<Subband> SubbandsOf(int width, int height, int levels);

/// How many levels fit: halving stops before a side drops below `min_side` (at most `cap`).
int LevelsFor(int width, int height, int min_side, int cap);

/// Forward transform in place (rows, then columns, level by level; symmetric extension).
void ForwardCdf97(FloatPlane& plane, int levels);

/// The inverse of ForwardCdf97 (exact up to float rounding).
void InverseCdf97(FloatPlane& plane, int levels);

/**
 * The L2 norm of the picture a unit coefficient of a subband synthesises into (away from the
 * borders): the factor by which a quantisation error in that band reaches the picture's squared
 * error (squared). Computed once per (level, orientation) by synthesising an impulse.
 */
double SynthesisGain(int level, Orientation orientation);

} // namespace lvc

#endif // LVC_WAVELET_CDF97_H
