package pack

import (
	"encoding/xml"
	"strings"
	"text/template"
)

// webConfig is the IIS configuration (IIS 7.5 and later), written into the
// site folder as web.config. It uses only sections a site may set on a stock
// IIS: a <rewrite> section would stop the whole site with error 500.19 where
// the URL Rewrite module is not installed, so IIS compresses the files
// itself (static compression, which caches its output) instead of serving
// the .br and .gz copies, which it leaves alone.
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
    </staticContent>
    <urlCompression doStaticCompression="true" doDynamicCompression="false" />
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
      </customHeaders>
    </httpProtocol>
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
{{- range .Hashed}}
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
