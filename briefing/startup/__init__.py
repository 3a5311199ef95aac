"""What starting the app needs before Qt: the display check, the prefetch process, the collector pause, logs."""
