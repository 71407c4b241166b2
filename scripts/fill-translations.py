#!/usr/bin/env python3
# Usage: fill-translations.py OLD.ts NEW.ts — after lupdate has moved strings to another
# context (a class renamed or split), takes their translations over from the old copy.
import sys, xml.etree.ElementTree as ET
old, new = sys.argv[1], sys.argv[2]
known = {}
for m in ET.parse(old).getroot().iter('message'):
    t = m.find('translation')
    if t is not None and t.get('type') not in ('unfinished', 'vanished', 'obsolete'):
        if len(t) == 0 and t.text: known[m.find('source').text] = t.text
        elif len(t): known[m.find('source').text] = [n.text for n in t.findall('numerusform')]
tree = ET.parse(new); filled = missing = 0
for m in tree.getroot().iter('message'):
    t = m.find('translation'); src = m.find('source').text
    if t.get('type') == 'unfinished':
        if src in known:
            v = known[src]
            if isinstance(v, list):
                for n, text in zip(t.findall('numerusform'), v): n.text = text
            else: t.text = v
            del t.attrib['type']; filled += 1
        else:
            missing += 1; print('missing:', repr(src))
tree.write(new, encoding='utf-8', xml_declaration=True)
print('filled', filled, 'missing', missing)
