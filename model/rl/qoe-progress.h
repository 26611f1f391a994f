#ifndef LAYERED_VIDEO_QOE_PROGRESS_H
#define LAYERED_VIDEO_QOE_PROGRESS_H

namespace ns3
{

class PlaybackBuffer;
class QoeModel;

/**
 * \brief The session's QoE "so far", whose increments are the learned ABR's rewards.
 *
 * Phi = sum over fetched chunks of q(chunk) - lambda * sum |q(n) - q(n-1)| over consecutive
 *       fetched chunks - mu * (stall time so far, an ongoing stall included)
 *       - mu_s * (startup delay, or the time waited so far before playback starts),
 * where q is the quality at which a chunk plays once its decoding has started (level and exit
 * known), and the quality of its held level at the deepest exit before that.
 *
 * Phi starts at 0 and, once every chunk has played, equals QoeModel::Evaluate's QoE exactly, so
 * the rewards r_t = Phi(t+1) - Phi(t) of an episode sum to the session's QoE. A fetch or an
 * upgrade is rewarded when it arrives (its quality and smoothness change), a stall while it
 * happens, and a shallower decoder exit than the deepest when the chunk starts decoding.
 */
double QoeSoFar(const PlaybackBuffer& buffer, const QoeModel& qoe);

} // namespace ns3

#endif // LAYERED_VIDEO_QOE_PROGRESS_H
