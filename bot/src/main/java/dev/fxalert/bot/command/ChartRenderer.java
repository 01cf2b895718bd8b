package dev.fxalert.bot.command;

/**
 * Draws a chart as a PNG. The conversation prepares every text (from the catalogues) and the data; an adapter
 * ({@code bot.chart}) owns the drawing library, so commands know nothing of AWT or the library.
 */
public interface ChartRenderer {

    byte[] png(ChartSpec spec);
}
