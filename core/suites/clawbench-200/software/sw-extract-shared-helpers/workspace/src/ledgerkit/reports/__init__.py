"""The month-end reports. Each module has a `run(input_path, output_path, **options)`."""
