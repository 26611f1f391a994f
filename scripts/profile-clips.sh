# Sourced by scripts/make-profiles.sh and scripts/make-neural-profiles.sh: every clip of the shared
# videos folder that the project profiles, with the lvc options it is read with.
# shellcheck disable=SC2034 # used by the scripts that source this file
# clip (relative to the shared folder) | lvc options for it (chunk duration included) | why
profile_clips=(
    "videos/h264/Adobe_PDF_sample_a_1024x768_50Frms.264|--fps 25 --chunk-s 2|no timing in the stream: 25 fps (ffprobe's default)"
    "videos/h264/CVPCMNL1_SVA_C.264|--fps 29.97 --chunk-s 1|no timing: 29.97 fps (the Mobile & Calendar original); 30 frames, so 1 s chunks"
    "videos/h264/LS_SVA_D.264|--fps 25 --chunk-s 2|no timing in the stream: 25 fps (ffprobe's default)"
    "videos/h264/VID_1280x720_cabac_temporal_direct.264|--width 640 --height 360 --chunk-s 2|30 fps (VUI); profiled at 640x360 to fit the time budget"
    "videos/h264/VID_1920x1080_cabac_temporal_direct.264|--width 960 --height 540 --chunk-s 2|25 fps (VUI), full range; profiled at 960x540 to fit the time budget"
    "videos/h264/test_cif_I_CABAC_slice.264|--fps 29.97 --chunk-s 2|no timing: 29.97 fps (the Foreman original)"
    "videos/y4m/foreman_cif_60f.y4m|--chunk-s 2|60 frames at 30000/1001 fps: one 2.002 s chunk"
    "videos/y4m/mobile_cif_30f.y4m|--chunk-s 1|30 frames (1.001 s), shorter than 2 s: 1 s chunks"
    "videos/y4m/street_384x216_54f.y4m|--chunk-s 2|54 frames at 25 fps: two 2 s chunks and a 0.16 s last chunk"
)
