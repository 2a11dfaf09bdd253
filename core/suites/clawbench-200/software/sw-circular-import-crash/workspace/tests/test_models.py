import json
import os
import tempfile
import unittest

from brewlog.models import Batch


class BatchTest(unittest.TestCase):
    def test_from_file(self):
        sheet = {"batch_id": "B-1", "brewer": "Ana", "og": "1.048", "fg": 1.012,
                 "recipe": {"name": "Best", "style": "Bitter", "yeast_attenuation": 72}}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "b.json")
            with open(path, "w") as fh:
                json.dump(sheet, fh)
            batch = Batch.from_file(path)
        self.assertEqual(batch.og, 1.048)
        self.assertEqual(batch.abv, 4.7)
        self.assertEqual(batch.attenuation, 75)


if __name__ == "__main__":
    unittest.main()
