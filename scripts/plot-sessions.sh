#!/usr/bin/env bash
# Plots a sessions.csv (abr-sim --out): the CDF of QoE per ABR, and the mean QoE terms per ABR.
# Usage: plot-sessions.sh SESSIONS_CSV OUT_DIR [TITLE]
set -euo pipefail
csv=$1
out=$2
title=${3:-QoE}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Column numbers from the header, so the plot follows the CSV's layout.
col() { head -1 "$csv" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
qoe=$(col qoe); util=$(col utility); rebuf=$(col rebuffer_penalty); smooth=$(col smoothness_penalty); start=$(col startup_penalty)
abrs=$(tail -n +2 "$csv" | cut -d, -f1 | awk '!seen[$0]++')
plot=""
for abr in $abrs; do
  tail -n +2 "$csv" | awk -F, -v a="$abr" -v c="$qoe" '$1 == a && $4 == "" {print $c}' | sort -g \
    | awk '{v[NR]=$1} END {for (i = 1; i <= NR; i++) print v[i], i / NR}' > "$tmp/$abr.cdf"
  plot+="'$tmp/$abr.cdf' using 1:2 with steps lw 2 title '$abr', "
done
tail -n +2 "$csv" | awk -F, -v u="$util" -v r="$rebuf" -v s="$smooth" -v st="$start" '
  $4 == "" {n[$1]++; U[$1]+=$u; R[$1]+=$r; S[$1]+=$s; T[$1]+=$st; if (!($1 in order)) order[$1]=++k}
  END {for (a in order) print order[a], a, U[a]/n[a], -R[a]/n[a], -S[a]/n[a], -T[a]/n[a]}' | sort -n > "$tmp/terms.dat"
gnuplot <<GP
set terminal pngcairo size 900,600 noenhanced
set datafile separator whitespace
set output '$out/qoe-cdf.png'
set title '$title: QoE per session, CDF'
set xlabel 'QoE per session'
set ylabel 'fraction of sessions'
set key bottom right
set grid
plot ${plot%, }
set output '$out/qoe-terms.png'
unset xlabel
set title '$title: mean QoE terms per ABR'
set style data histograms
set style histogram rowstacked
set style fill solid 0.8 border -1
set boxwidth 0.7
set xtics rotate by -30
set ylabel 'per session'
set key outside right
plot '$tmp/terms.dat' using 3:xtic(2) title 'utility', '' using 4 title '- rebuffering', '' using 5 title '- smoothness', '' using 6 title '- startup'
GP
echo "plots: $out/qoe-cdf.png $out/qoe-terms.png"
