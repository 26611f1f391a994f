# The examples rerun as smoke tests (standalone build; in an ns-3 tree, test.py reads
# test/examples-to-run.py), and bad arguments giving a clear error.
set(lv_shared ${LAYERED_VIDEO_SHARED_DIR})
set(lv_smoke ${CMAKE_CURRENT_BINARY_DIR}/smoke)

add_test(NAME example-session
         COMMAND layered-video-session --chunks=12 --abr=robust-mpc --out=${lv_smoke}/session)
set_tests_properties(example-session PROPERTIES PASS_REGULAR_EXPRESSION "state Finished")
add_test(NAME example-session-mahimahi-codel
         COMMAND layered-video-session --chunks=8
                 --trace=${lv_shared}/traces/mahimahi/Verizon-LTE-short.down
                 --uplinkTrace=${lv_shared}/traces/mahimahi/Verizon-LTE-short.up
                 --queueDisc=codel --loss=0.001)
set_tests_properties(example-session-mahimahi-codel PROPERTIES
                     PASS_REGULAR_EXPRESSION "state Finished")
add_test(NAME example-session-layered-profile
         COMMAND layered-video-session --chunks=20 --abr=layered-throughput --qoe=psnr
                 --profile=${PROJECT_SOURCE_DIR}/traces/profiles/VID_1920x1080_cabac_temporal_direct.x265-residual-layered.json)
set_tests_properties(example-session-layered-profile PROPERTIES
                     PASS_REGULAR_EXPRESSION "layered, 20 chunks x 5 levels.*state Finished")
add_test(NAME example-clients
         COMMAND layered-video-clients --clients=3 --chunks=8 --rate=6 --cross=onoff)
set_tests_properties(example-clients PROPERTIES
                     PASS_REGULAR_EXPRESSION "Jain's fairness index of the clients' throughputs")
add_test(NAME example-compare
         COMMAND layered-video-compare --traces=${lv_shared}/traces/pensieve-test/norway_bus_1
                 --abrs=bba,layered-throughput --chunks=8 --jobs=2 --chunkLevel
                 --out=${lv_smoke}/compare)
set_tests_properties(example-compare PROPERTIES
                     PASS_REGULAR_EXPRESSION "agreement with the chunk-level simulator")
# A job list: written, run case by case, then collected.
add_test(NAME example-compare-job-list
         COMMAND sh -c "$<TARGET_FILE:layered-video-compare> --traces=${lv_shared}/traces/pensieve-test/norway_bus_1 --abrs=bba --seeds=2 --chunks=6 --out=${lv_smoke}/jobs --writeJobs=${lv_smoke}/jobs.txt && sh ${lv_smoke}/jobs.txt && $<TARGET_FILE:layered-video-compare> --traces=${lv_shared}/traces/pensieve-test/norway_bus_1 --abrs=bba --seeds=2 --chunks=6 --out=${lv_smoke}/jobs --collect")
set_tests_properties(example-compare-job-list PROPERTIES
                     PASS_REGULAR_EXPRESSION "bba +2 +0 ")
# Bad options and input (the contract in README, "Bad input"): a message naming the option or
# the file, exit status 2, before any simulation. One row per case: name; program; the message
# expected; the arguments (separated by spaces), fields separated by |.
set(lv_bad_input_cases
  "clients-negative-cross-rate|layered-video-clients|--crossRate: -2 is not in|--cross=onoff --crossRate=-2 --chunks=5"
  "clients-zero-rate|layered-video-clients|--rate: 0 is not in|--rate=0"
  "clients-too-many|layered-video-clients|--clients: 100000 is not in 1..1000|--clients=100000"
  "clients-oversized-session|layered-video-clients|--chunks: 4000000000 is not in|--chunks=4000000000"
  "clients-empty-queue|layered-video-clients|--queueSize: 0p is not in|--queueSize=0p"
  "clients-no-cross-flows|layered-video-clients|--crossFlows: 0 is not in|--cross=bulk --crossFlows=0"
  "clients-negative-start-spread|layered-video-clients|--startSpread: -1 is not in|--startSpread=-1"
  "clients-not-a-number|layered-video-clients|--clients: 'abc' is not a whole number|--clients=abc"
  "clients-unknown-option|layered-video-clients|--nosuch: no such option|--nosuch=1"
  "clients-unknown-abr|layered-video-clients|--abrs: abr: nosuch: unknown ABR|--abrs=bba,nosuch"
  "clients-policy-for-other-content|layered-video-clients|the policy was trained for layered content|--abrs=learned:${PROJECT_SOURCE_DIR}/policies/layered-x265.safetensors"
  "session-unknown-abr|layered-video-session|--abr: abr: nosuch: unknown ABR|--abr=nosuch"
  "session-missing-trace|layered-video-session|/no/such/trace: no such file|--trace=/no/such/trace"
  "session-folder-as-trace|layered-video-session|/tmp: is a folder, not a file|--trace=/tmp"
  "session-folder-as-policy|layered-video-session|--abr: /tmp: is a folder, not a file|--abr=learned:/tmp"
  "session-unknown-queue-disc|layered-video-session|--queueDisc: 'red' is not one of|--queueDisc=red"
  "session-certain-loss|layered-video-session|--loss: 1 is not in 0..0.9|--loss=1"
  "session-unwritable-out|layered-video-session|--out: /proc/layered-video: cannot be made a folder|--out=/proc/layered-video"
  "session-missing-capacity|layered-video-session|--capacity: /no/such.csv: no such file|--capacity=/no/such.csv"
  "compare-no-seeds|layered-video-compare|--seeds: 0 is not in 1..10000|--seeds=0"
  "compare-bad-flag|layered-video-compare|--chunkLevel: 'maybe' is not true or false|--chunkLevel=maybe"
  "compare-unknown-abr|layered-video-compare|--abrs: abr: nosuch: unknown ABR|--abrs=bba,nosuch --out=${lv_smoke}/bad"
  "compare-case-out-of-range|layered-video-compare|--case: 99 is not in 0..3|--traces=${lv_shared}/traces/pensieve-test/norway_bus_1 --case=99 --out=${lv_smoke}/bad"
)
include(${PROJECT_SOURCE_DIR}/cmake/bad-input-test.cmake)
foreach(row ${lv_bad_input_cases})
  string(REPLACE "|" ";" fields "${row}")
  list(GET fields 0 name)
  list(GET fields 1 program)
  list(GET fields 2 message)
  list(GET fields 3 arguments)
  separate_arguments(arguments UNIX_COMMAND "${arguments}")
  lv_add_bad_input_test(NAME example-bad-input-${name} PREFIX "${program}: " MESSAGE "${message}"
                        COMMAND $<TARGET_FILE:${program}> ${arguments})
endforeach()
