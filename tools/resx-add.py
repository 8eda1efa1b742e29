#!/usr/bin/env python3
"""Adds strings to the three shared resource files (English, French, Arabic) at once.

usage: tools/resx-add.py strings.json
strings.json maps each English text (the key, as used in T["..."]) to {"fr": "...", "ar": "..."}.
Existing keys are updated; the files stay sorted so diffs are readable. A key without both
translations is refused: every UI string exists in the three languages.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, '..', 'src', 'RegionalTraining.Web', 'Resources')
FILES = {'en': 'SharedResource.resx', 'fr': 'SharedResource.fr.resx', 'ar': 'SharedResource.ar.resx'}
HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''


def load(path):
    if not os.path.exists(path):
        return {}
    return {d.get('name'): (d.find('value').text or '') for d in ET.parse(path).getroot().iter('data')}


def save(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for key in sorted(entries, key=str.casefold):
            f.write(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write('</root>\n')


def main():
    new = json.load(open(sys.argv[1], encoding='utf-8'))
    tables = {lang: load(os.path.join(RESOURCES, name)) for lang, name in FILES.items()}
    for key, tr in new.items():
        if not tr.get('fr') or not tr.get('ar'):
            sys.exit(f'missing translation for {key!r}')
        tables['en'][key] = tr.get('en', key)
        tables['fr'][key] = tr['fr']
        tables['ar'][key] = tr['ar']
    for lang, name in FILES.items():
        save(os.path.join(RESOURCES, name), tables[lang])
    print(f'{len(new)} strings merged; {len(tables["en"])} in each file')


if __name__ == '__main__':
    main()
