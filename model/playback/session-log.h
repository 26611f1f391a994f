#ifndef LAYERED_VIDEO_SESSION_LOG_H
#define LAYERED_VIDEO_SESSION_LOG_H

#include "qoe.h"

#include <map>
#include <ostream>
#include <string>

namespace ns3
{

class StreamingSession;

/**
 * Writes the per-chunk log (DESIGN.md): CSV, one row per download and per played chunk, in
 * time order, times in seconds. Columns:
 * event,time_s,chunk,level,from_level,bytes,request_s,first_byte_s,end_s,throughput_bps,accepted,
 * buffer_s,decode_start_s,decode_end_s,exit,stall_before_s,utility
 * (download rows leave the play columns empty and the other way round).
 */
void WriteChunkLog(std::ostream& out, const StreamingSession& session);

/// The CSV header WriteChunkLog writes.
std::string ChunkLogHeader();

/**
 * Writes the session summary (DESIGN.md): JSON with `meta` (the strings given: abr, trace,
 * profile, seed, ...), the QoE weights, and every QoE term and total.
 */
void WriteSessionSummary(std::ostream& out,
                         const QoeSummary& summary,
                         const QoeModel& qoe,
                         const std::map<std::string, std::string>& meta);

} // namespace ns3

#endif // LAYERED_VIDEO_SESSION_LOG_H
