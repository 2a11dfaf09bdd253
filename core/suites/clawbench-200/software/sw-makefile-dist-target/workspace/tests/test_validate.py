import os
import tempfile
import unittest

from gtfs_tidy.validate import bad_stops, missing_files, problems

STOPS = (
    "stop_id,stop_name,stop_lat,stop_lon\n"
    "S1,Bahnhof,47.05,8.31\nS2,Seeufer,,\nS3,Typo,4.705,8.31\n"
)


class ValidateTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        for name in ["agency.txt", "routes.txt", "trips.txt", "stop_times.txt"]:
            open(os.path.join(self.tmp.name, name), "w").close()
        with open(os.path.join(self.tmp.name, "stops.txt"), "w") as fh:
            fh.write(STOPS)

    def test_bad_stops(self):
        self.assertEqual(bad_stops(self.tmp.name), ["S2", "S3"])

    def test_missing_files(self):
        os.remove(os.path.join(self.tmp.name, "trips.txt"))
        self.assertEqual(missing_files(self.tmp.name), ["trips.txt"])
        self.assertEqual(problems(self.tmp.name), ["missing file: trips.txt"])


if __name__ == "__main__":
    unittest.main()
