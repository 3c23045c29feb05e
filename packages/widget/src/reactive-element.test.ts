import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { button, collector, heading } from '../test/helpers.ts';
import type { VoFeedback } from './vo-feedback/vo-feedback.ts';

// The reactive base keeps what <vo-feedback> had from LitElement; the widget's own tests cover the
// rest (updates, updateComplete, lang written back).
describe('properties and attributes', () => {
  it('keeps what a page set before the element was defined; attributes are read into properties', async () => {
    // An element of a document without the definition is not upgraded: what a page or a framework
    // sets on it before the script has run is its own property, and must count once it is defined.
    const el = document.implementation
      .createHTMLDocument()
      .createElement('vo-feedback') as VoFeedback;
    el.serviceId = collector.serviceId;
    el.endpoint = collector.url;
    el.headingLevel = 4;
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(heading(el).getAttribute('aria-level')).to.equal('4');
      expect(el.serviceId).to.equal(collector.serviceId);
      // heading-level is read as a number; without the attribute the property is null, level 2.
      el.setAttribute('heading-level', '5');
      expect(el.headingLevel).to.equal(5);
      el.removeAttribute('heading-level');
      expect(el.headingLevel).to.equal(null);
      await el.updateComplete;
      expect(heading(el).getAttribute('aria-level')).to.equal('2');
      // Only lang is written back to its attribute.
      el.outcome = 'error';
      el.lang = 'en';
      await el.updateComplete;
      expect(el.hasAttribute('outcome')).to.equal(false);
      expect(el.getAttribute('lang')).to.equal('en');
      expect(button(el).textContent).to.equal('Send');
    } finally {
      el.remove();
    }
  });
});
