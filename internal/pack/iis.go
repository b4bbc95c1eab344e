package pack

import (
	"encoding/xml"
	"strings"
	"text/template"
)

// webConfig is the IIS configuration (IIS 7.5 and later), written into the
// site folder as web.config. Its <rewrite> rules send the .br and .gz
// copies, as nginx.conf and .htaccess do, so it needs Microsoft's URL
// Rewrite module: without it IIS stops the site with error 500.19, and
// DEPLOY.md says so and what to do.
//
// How the rules work, in the order IIS runs them (once per request, each
// rule on the address the one before it left):
//   - the server files and a copy asked for by name answer 404, and so
//     does a folder without an index.html (IIS would answer 403.14);
//   - a browser that accepts br (else gzip) gets name.br (name.gz), or
//     index.html.br for a folder address, when the package has it: an
//     internal rewrite, so the address in the browser does not change;
//   - outbound rules then give a copy its Content-Encoding and the
//     Content-Type of the file it is a copy of (IIS would send a copy with
//     the type of .br or .gz, which the site maps to octet-stream);
//   - IIS's own compression is off, as on the other servers: every text
//     file worth compressing has its copies.
var webConfig = template.Must(template.New("web.config").Funcs(funcs).Funcs(template.FuncMap{"attr": xmlAttr}).Parse(`<?xml version="1.0" encoding="utf-8"?>
<!--
  IIS configuration for the site at {{attr .BaseURL}}
  Written by esosite package. DEPLOY.md says how to use it.
-->
<configuration>
  <system.webServer>
    <defaultDocument enabled="true">
      <files>
        <clear />
        <add value="index.html" />
      </files>
    </defaultDocument>
    <staticContent>
      <!-- Content types. Everything the build writes is UTF-8. -->
{{- range .Types}}
      <remove fileExtension=".{{.Ext}}" />
      <mimeMap fileExtension=".{{.Ext}}" mimeType="{{attr .Type}}" />
{{- end}}
      <!-- The compressed copies: sent only by the rules below, which give
           each the type of the file it is a copy of. -->
      <remove fileExtension=".br" />
      <mimeMap fileExtension=".br" mimeType="application/octet-stream" />
      <remove fileExtension=".gz" />
      <mimeMap fileExtension=".gz" mimeType="application/octet-stream" />
    </staticContent>
    <urlCompression doStaticCompression="false" doDynamicCompression="false" />
    <httpProtocol>
      <customHeaders>
        <!-- Headers on every response. Pages are checked again on every visit;
             files whose name carries a content hash are cached below. -->
        <remove name="X-Powered-By" />
{{- range .Headers}}
        <remove name="{{.Name}}" />
        <add name="{{.Name}}" value="{{attr .Value}}" />
{{- end}}
        <remove name="Cache-Control" />
        <add name="Cache-Control" value="{{attr .CacheRevalidate}}" />
        <remove name="Vary" />
        <add name="Vary" value="Accept-Encoding" />
      </customHeaders>
    </httpProtocol>
    <rewrite>
      <rules>
        <rule name="esosite: not part of the site" stopProcessing="true">
          <match url="(^|/)(web\.config|\.htaccess)$|\.(br|gz)$" />
          <action type="CustomResponse" statusCode="404" statusReason="Not Found" statusDescription="Not Found" />
        </rule>
        <!-- {C:1} is the folder without a final backslash, however IIS
             writes it: the condition just before matched it. -->
        <rule name="esosite: a folder without index.html is not listed" stopProcessing="true">
          <match url="(^|/)$" />
          <conditions>
            <add input="{URL}" pattern="/$" />
            <add input="{REQUEST_FILENAME}" pattern="^(.*?)\\?$" />
            <add input="{C:1}\index.html" matchType="IsFile" negate="true" />
          </conditions>
          <action type="CustomResponse" statusCode="404" statusReason="Not Found" statusDescription="Not Found" />
        </rule>
{{- range .Copies}}
        <rule name="esosite: {{.Name}} copy of a folder's index.html" stopProcessing="true">
          <match url="^(.*/)?$" />
          <conditions>
            <add input="{URL}" pattern="/$" />
            <add input="{HTTP_ACCEPT_ENCODING}" pattern="{{attr .Accepts}}" />
            <add input="{REQUEST_FILENAME}" pattern="^(.*?)\\?$" />
            <add input="{C:1}\index.html.{{.Ext}}" matchType="IsFile" />
          </conditions>
          <action type="Rewrite" url="{{attr $.Base}}{R:1}index.html.{{.Ext}}" />
        </rule>
        <rule name="esosite: {{.Name}} copy of a file" stopProcessing="true">
          <match url="^(.+)$" />
          <conditions>
            <add input="{HTTP_ACCEPT_ENCODING}" pattern="{{attr .Accepts}}" />
            <add input="{REQUEST_FILENAME}.{{.Ext}}" matchType="IsFile" />
          </conditions>
          <action type="Rewrite" url="{{attr $.Base}}{R:1}.{{.Ext}}" />
        </rule>
{{- end}}
      </rules>
      <outboundRules>
{{- range .Copies}}
        <rule name="esosite: Content-Encoding of a {{.Name}} copy" preCondition="esosite: a {{.Name}} copy">
          <match serverVariable="RESPONSE_Content_Encoding" pattern=".*" />
          <action type="Rewrite" value="{{.Encoding}}" />
        </rule>
{{- end}}
{{- range .TextTypes}}
        <rule name="esosite: Content-Type of a copy of .{{.Ext}}" preCondition="esosite: a copy of .{{.Ext}}">
          <match serverVariable="RESPONSE_Content_Type" pattern=".*" />
          <action type="Rewrite" value="{{attr .Type}}" />
        </rule>
{{- end}}
        <preConditions>
{{- range .Copies}}
          <preCondition name="esosite: a {{.Name}} copy">
            <add input="{REQUEST_FILENAME}" pattern="\.{{.Ext}}$" />
          </preCondition>
{{- end}}
{{- range .TextTypes}}
          <preCondition name="esosite: a copy of .{{.Ext}}">
            <add input="{REQUEST_FILENAME}" pattern="\.{{.Ext}}\.(br|gz)$" />
          </preCondition>
{{- end}}
        </preConditions>
      </outboundRules>
    </rewrite>
    <!-- Not found: the 404 page in the language of the address asked for. -->
    <httpErrors errorMode="Custom" existingResponse="Replace">
      <remove statusCode="404" subStatusCode="-1" />
      <error statusCode="404" path="{{attr .NotFound}}" responseMode="ExecuteURL" />
    </httpErrors>
  </system.webServer>
{{- range .Languages}}
  <location path="{{attr .}}">
    <system.webServer>
      <httpErrors errorMode="Custom" existingResponse="Replace">
        <remove statusCode="404" subStatusCode="-1" />
        <error statusCode="404" path="{{attr $.Base}}{{attr .}}/404.html" responseMode="ExecuteURL" />
      </httpErrors>
    </system.webServer>
  </location>
{{- end}}
{{- range .HashedWithCopies}}
  <location path="{{attr .}}">
    <system.webServer>
      <httpProtocol>
        <customHeaders>
          <remove name="Cache-Control" />
          <add name="Cache-Control" value="{{attr $.CacheImmutable}}" />
        </customHeaders>
      </httpProtocol>
    </system.webServer>
  </location>
{{- end}}
</configuration>
`))

// An iisCopy is one kind of compressed copy the rewrite rules send.
type iisCopy struct {
	Name, Ext, Encoding, Accepts string
}

// Copies are the kinds, brotli first: a browser that accepts both gets it.
func (d serverData) Copies() []iisCopy {
	return []iisCopy{
		{"brotli", "br", "br", acceptsBrotliIIS},
		{"gzip", "gz", "gzip", acceptsGzipIIS},
	}
}

// HashedWithCopies are the fingerprinted files and their copies, each of
// which gets the long Cache-Control, so the answer is the same whichever
// address IIS takes a rewritten request's settings from, the one asked for
// or the one it was rewritten to.
func (d serverData) HashedWithCopies() []string {
	var out []string
	for _, p := range d.Hashed {
		out = append(out, p)
		if compressible(p) {
			out = append(out, p+".br", p+".gz")
		}
	}
	return out
}

// xmlAttr escapes s for an XML attribute value.
func xmlAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // escapes " too
	return b.String()
}

// iisText renders the web.config file for the site.
func iisText(d serverData) string {
	var b strings.Builder
	if err := webConfig.Execute(&b, d); err != nil {
		panic(err) // the template and its data are ours
	}
	return b.String()
}
